using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProductFlow.Server.Authentication;

namespace ProductFlow.Server.Partners;

/// <summary>Declares the key schemes in the OpenAPI document (<c>X-Api-Key</c> header, or <c>Authorization: Bearer</c>) and requires one on
/// every operation of the APIs: <c>/partners</c>, <c>/feeds</c>, <c>/runs</c>.</summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    private const string Bearer = "Bearer";

    /// <summary>The APIs that take a key: partners', suppliers' uploads, and the runs API (operators and suppliers).</summary>
    private static readonly string[] Secured = ["/partners", "/feeds", "/runs"];

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
            Description = "A partner's or supplier's key, as 'productflow partner add' or 'supplier add' printed it, or the operators' admin key.",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same key as a bearer token.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!Secured.Any(p => path.StartsWith(p, StringComparison.Ordinal)) || item.Operations is null)
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
