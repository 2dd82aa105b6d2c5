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

    /// <summary>Keeps an element of the key ring that protects the console's cookies (ASP.NET Core Data Protection), by its name; an element
    /// of that name stays as it was (the key ring only adds elements).</summary>
    /// <remarks>Kept in the store so that every node of the service, and the same node after a restart, reads the same ring: a signed-in
    /// steward stays signed in. Whoever can read the store can read these keys.</remarks>
    Task SaveSessionKeyAsync(string name, string xml, DateTimeOffset created, CancellationToken cancellationToken = default);

    /// <summary>Every element of that key ring, oldest first, as (name, XML).</summary>
    IAsyncEnumerable<(string Name, string Xml)> ReadSessionKeysAsync(CancellationToken cancellationToken = default);
}
