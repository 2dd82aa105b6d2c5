namespace ProductFlow.Access;

/// <summary>Adds principals and changes them: grants, keys, disabling. The one implementation behind the <c>partner</c>, <c>supplier</c> and
/// <c>user</c> commands and the console's pages.</summary>
/// <remarks>
/// A new key (<see cref="AddAsync"/>, <see cref="RotateKeyAsync"/>) is returned once in <see cref="PrincipalChange.Key"/>; the store keeps its id
/// and the SHA-256 of its secret only (<see cref="ApiKeys"/>). Grants are taken as given: the caller checks that each names something that
/// exists (a channel of the catalog, a pipeline of the folder).
/// </remarks>
public static class Principals
{
    /// <summary>Stores <paramref name="principal"/> (created now) with a new key; <see cref="PrincipalOutcome.Exists"/> when one of its kind and name is there.</summary>
    public static async Task<PrincipalChange> AddAsync(IAccessStore store, Principal principal, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(principal);
        if (await store.FindPrincipalAsync(principal.Kind, principal.Name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new PrincipalChange(PrincipalOutcome.Exists, existing);
        }

        var added = principal with { Grants = principal.Grants.Distinct(StringComparer.Ordinal).ToList(), Created = now };
        var (key, stored) = ApiKeys.Create(principal.Kind, principal.Name, now);
        await store.SavePrincipalAsync(added, cancellationToken).ConfigureAwait(false);
        await store.AddKeyAsync(stored, cancellationToken).ConfigureAwait(false);
        return new PrincipalChange(PrincipalOutcome.Done, added, key);
    }

    /// <summary>Adds the grants of <paramref name="add"/> and takes those of <paramref name="remove"/> away.</summary>
    public static Task<PrincipalChange> ChangeGrantsAsync(
        IAccessStore store, PrincipalKind kind, string name, IEnumerable<string> add, IEnumerable<string> remove, CancellationToken cancellationToken = default) =>
        ChangeAsync(store, kind, name, p => p with { Grants = p.Grants.Union(add, StringComparer.Ordinal).Except(remove, StringComparer.Ordinal).ToList() }, cancellationToken);

    /// <summary>Gives the principal a new role (a user's <c>steward</c> or <c>admin</c>).</summary>
    public static Task<PrincipalChange> SetRoleAsync(IAccessStore store, PrincipalKind kind, string name, string role, CancellationToken cancellationToken = default) =>
        ChangeAsync(store, kind, name, p => p with { Role = role }, cancellationToken);

    /// <summary>Refuses every key of the principal from now on; its history stays.</summary>
    public static Task<PrincipalChange> DisableAsync(IAccessStore store, PrincipalKind kind, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(store, kind, name, p => p with { Disabled = true }, cancellationToken);

    /// <summary>Gives the principal a new key; its other keys stop at <paramref name="now"/> + <paramref name="grace"/>.</summary>
    public static async Task<PrincipalChange> RotateKeyAsync(
        IAccessStore store, PrincipalKind kind, string name, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.FindPrincipalAsync(kind, name, cancellationToken).ConfigureAwait(false) is not { } principal)
        {
            return new PrincipalChange(PrincipalOutcome.NotFound, null);
        }

        var (key, stored) = ApiKeys.Create(kind, name, now);
        await store.AddKeyAsync(stored, cancellationToken).ConfigureAwait(false);
        await store.ExpireKeysAsync(kind, name, now + grace, keep: stored.Id, cancellationToken).ConfigureAwait(false);
        return new PrincipalChange(PrincipalOutcome.Done, principal, key);
    }

    private static async Task<PrincipalChange> ChangeAsync(IAccessStore store, PrincipalKind kind, string name, Func<Principal, Principal> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.FindPrincipalAsync(kind, name, cancellationToken).ConfigureAwait(false) is not { } principal)
        {
            return new PrincipalChange(PrincipalOutcome.NotFound, null);
        }

        var changed = change(principal);
        await store.SavePrincipalAsync(changed, cancellationToken).ConfigureAwait(false);
        return new PrincipalChange(PrincipalOutcome.Done, changed);
    }
}
