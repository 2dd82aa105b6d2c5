using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using ProductFlow.Access;
using ProductFlow.Server.Partners;
using ProductFlow.Server.Runs;
using ProductFlow.Server.Uploads;

namespace ProductFlow.Server.Authentication;

/// <summary>Key authentication for every API of the host, and its policies: partners pull exports, suppliers upload and follow their runs,
/// operators (the admin key) do everything.</summary>
public static class AuthenticationServices
{
    public static IServiceCollection AddProductFlowAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PartnerApi.Policy, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiKeyClaims.Kind, nameof(PrincipalKind.Partner)))
            .AddPolicy(FeedUploads.Policy, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiKeyClaims.Kind, nameof(PrincipalKind.Supplier), AdminPolicy.Kind))
            .AddPolicy(RunsApi.ReadPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiKeyClaims.Kind, nameof(PrincipalKind.Supplier), AdminPolicy.Kind))
            .AddPolicy(AdminPolicy.Name, policy => policy.RequireAuthenticatedUser().RequireClaim(ApiKeyClaims.Kind, AdminPolicy.Kind));
        return services;
    }
}
