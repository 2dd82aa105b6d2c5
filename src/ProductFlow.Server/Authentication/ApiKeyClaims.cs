namespace ProductFlow.Server.Authentication;

/// <summary>The claims of a principal signed in with a key: its name (the identity's name), kind, grants and role.</summary>
public static class ApiKeyClaims
{
    public const string Kind = "productflow:kind";

    public const string Grant = "productflow:grant";

    public const string Role = "productflow:role";
}
