namespace ProductFlow.Access;

/// <summary>The roles of a console user: a steward views, uploads to, validates and replays the pipelines it is granted; an admin does everything.</summary>
public static class UserRoles
{
    public const string Steward = "steward";

    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Steward, Admin];

    public static bool IsValid(string? role) => role is Steward or Admin;
}
