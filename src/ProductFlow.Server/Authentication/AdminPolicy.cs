namespace ProductFlow.Server.Authentication;

/// <summary>The operators' policy: signed in with <c>ProductFlow:AdminKey</c>.</summary>
public static class AdminPolicy
{
    public const string Name = "operator";

    /// <summary>The kind claim of a caller signed in with the admin key.</summary>
    public const string Kind = "Admin";

    public const string PrincipalName = "operator";
}
