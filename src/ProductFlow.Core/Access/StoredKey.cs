namespace ProductFlow.Access;

/// <summary>A key as the store keeps it: its public id, whose it is, and the SHA-256 of its secret part (never the key).</summary>
/// <remarks>A key with <see cref="Expires"/> in the past is refused (a rotated key past its grace period).</remarks>
public sealed record StoredKey(string Id, PrincipalKind Kind, string Principal, byte[] Hash, DateTimeOffset Created)
{
    public DateTimeOffset? Expires { get; init; }

    public bool IsValidAt(DateTimeOffset now) => Expires is not { } expires || now < expires;
}
