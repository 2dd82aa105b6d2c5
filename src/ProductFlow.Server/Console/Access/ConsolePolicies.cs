using Microsoft.AspNetCore.Authorization;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;

namespace ProductFlow.Server.Console.Access;

/// <summary>The console's policies, on its session cookie: any signed-in user (steward or admin), or admins only.</summary>
/// <remarks>What a steward may do with a pipeline (its grants) is checked by each page with <see cref="ConsoleUser.MayWorkOn"/>.</remarks>
public static class ConsolePolicies
{
    public const string User = "console";

    public const string Admin = "console-admin";

    public static AuthorizationBuilder AddConsolePolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(User, policy => policy.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireAuthenticatedUser().RequireClaim(ApiKeyClaims.Role, UserRoles.All))
            .AddPolicy(Admin, policy => policy.AddAuthenticationSchemes(ConsoleAuthentication.Scheme).RequireAuthenticatedUser().RequireClaim(ApiKeyClaims.Role, UserRoles.Admin));
    }
}
