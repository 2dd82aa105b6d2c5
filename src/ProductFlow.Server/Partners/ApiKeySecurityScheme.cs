using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProductFlow.Server.Authentication;

namespace ProductFlow.Server.Partners;

/// <summary>Declares the key schemes in the OpenAPI document (<c>X-Api-Key</c> header, or <c>Authorization: Bearer</c>) and requires one on
/// every operation under <c>/partners</c>.</summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    private const string Bearer = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The partner's key, as printed by 'productflow partner add'.",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same key as a bearer token.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/partners", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
            }
        }

        return Task.CompletedTask;
    }
}
