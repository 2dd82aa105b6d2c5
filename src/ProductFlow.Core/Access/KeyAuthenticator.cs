namespace ProductFlow.Access;

/// <summary>Finds who a presented key belongs to: an enabled principal of the expected kind, or nobody.</summary>
/// <remarks>Every refusal looks the same to the caller (null), whatever its reason, so a key cannot be probed.</remarks>
public static class KeyAuthenticator
{
    public static async Task<Principal?> AuthenticateAsync(IAccessStore store, PrincipalKind kind, string? presented, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (ApiKeys.IdOf(presented) is not { } id
            || await store.FindKeyAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored
            || stored.Kind != kind
            || !ApiKeys.Matches(presented, stored, now))
        {
            return null;
        }

        var principal = await store.FindPrincipalAsync(kind, stored.Principal, cancellationToken).ConfigureAwait(false);
        return principal is { Disabled: false } ? principal : null;
    }
}
