namespace ProductFlow.Access;

/// <summary>Finds who a presented key belongs to: an enabled principal (of the expected kind, when one is given), or nobody.</summary>
/// <remarks>Every refusal looks the same to the caller (null), whatever its reason, so a key cannot be probed.</remarks>
public static class KeyAuthenticator
{
    public static async Task<Principal?> AuthenticateAsync(IAccessStore store, string? presented, DateTimeOffset now, PrincipalKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (ApiKeys.IdOf(presented) is not { } id
            || await store.FindKeyAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored
            || (kind is { } expected && stored.Kind != expected)
            || !ApiKeys.Matches(presented, stored, now))
        {
            return null;
        }

        var principal = await store.FindPrincipalAsync(stored.Kind, stored.Principal, cancellationToken).ConfigureAwait(false);
        return principal is { Disabled: false } ? principal : null;
    }
}
