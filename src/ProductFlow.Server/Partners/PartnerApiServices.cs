using System.Globalization;
using System.IO.Compression;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Partners;

/// <summary>What the partner API needs: key authentication, the <c>partner</c> policy, the per-partner rate limit, compression,
/// the access log and the OpenAPI document with its security schemes.</summary>
public static class PartnerApiServices
{
    public static IServiceCollection AddPartnerApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PartnerApi.Policy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<ProductFlowOptions>>().Value.PartnerApi;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.User.Identity?.Name ?? "",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.PermitLimit, Window = settings.Window, QueueLimit = 0 });
            });
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ExportContentTypes.Compressible;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<AccessLog>();
        services.AddHostedService(provider => provider.GetRequiredService<AccessLog>());
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiKeySecurityScheme>());
        return services;
    }
}
