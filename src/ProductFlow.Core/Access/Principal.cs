namespace ProductFlow.Access;

/// <summary>A partner, supplier or user: its name, what it is granted, and whether it may still come in.</summary>
/// <remarks>
/// <see cref="Grants"/> are channel codes for a partner, pipeline names for a supplier or a steward. A user's
/// <see cref="Role"/> is <c>steward</c> or <c>admin</c>; partners and suppliers have none. Keys are kept apart
/// (<see cref="StoredKey"/>), hashed: a principal never carries one.
/// </remarks>
public sealed record Principal(PrincipalKind Kind, string Name)
{
    public IReadOnlyList<string> Grants { get; init; } = [];

    public string? Role { get; init; }

    /// <summary>A disabled principal's keys are refused; its history stays.</summary>
    public bool Disabled { get; init; }

    public DateTimeOffset Created { get; init; }

    public bool IsGranted(string target) => Grants.Contains(target, StringComparer.Ordinal);
}
