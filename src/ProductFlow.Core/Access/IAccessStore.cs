namespace ProductFlow.Access;

/// <summary>Partners, suppliers and users, their hashed keys and what they did: kept in the product store's database.</summary>
/// <remarks>
/// Both stores implement it (SQLite and PostgreSQL); one contract suite runs against each. Names are unique per kind and
/// compared ordinally. Keys are stored only as <see cref="StoredKey"/> (id and hash); <see cref="ApiKeys"/> makes and checks them.
/// </remarks>
public interface IAccessStore
{
    /// <summary>Inserts or replaces the principal of this kind and name.</summary>
    Task SavePrincipalAsync(Principal principal, CancellationToken cancellationToken = default);

    Task<Principal?> FindPrincipalAsync(PrincipalKind kind, string name, CancellationToken cancellationToken = default);

    /// <summary>Every principal of <paramref name="kind"/>, by name.</summary>
    IAsyncEnumerable<Principal> ReadPrincipalsAsync(PrincipalKind kind, CancellationToken cancellationToken = default);

    Task AddKeyAsync(StoredKey key, CancellationToken cancellationToken = default);

    /// <summary>Makes every key of the principal except <paramref name="keep"/> expire at <paramref name="at"/> (or earlier, if it already did).</summary>
    Task ExpireKeysAsync(PrincipalKind kind, string name, DateTimeOffset at, string? keep = null, CancellationToken cancellationToken = default);

    /// <summary>The key with this public id, or null.</summary>
    Task<StoredKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default);

    Task RecordAccessAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken = default);

    /// <summary>What the principal did, newest first, at most <paramref name="limit"/> records.</summary>
    IAsyncEnumerable<AccessRecord> ReadAccessAsync(PrincipalKind kind, string name, int limit = 100, CancellationToken cancellationToken = default);
}
