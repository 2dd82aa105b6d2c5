using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ProductFlow.Access;
using ProductFlow.Pipelines;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Runs;

namespace ProductFlow.Server.Uploads;

/// <summary><c>POST /feeds/{pipeline}</c>: a supplier (or an operator) hands a feed to a pipeline. The body is the file itself, or a multipart form
/// with one file; it streams into the pipeline's inbox, never held whole, and the answer is 202 with the queued run and where to follow it.</summary>
/// <remarks>401 without a valid key, 403 for a pipeline not granted to the supplier, 404 for an unknown pipeline, 413 past
/// <c>ProductFlow:Uploads:MaxBytes</c> (nothing of it is kept), 415 for a form without a file.</remarks>
public static class FeedUploads
{
    public const string Policy = "upload";

    public static IEndpointRouteBuilder MapFeedUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/feeds/{pipeline}", UploadAsync).RequireAuthorization(Policy).WithTags("Feeds").WithName("UploadFeed")
            .WithSummary("Upload a feed (the file as the body, or a multipart form with one file); 202 with the queued run.")
            .DisableAntiforgery();
        return endpoints;
    }

    private static async Task<Results<Accepted<QueuedRun>, ProblemHttpResult>> UploadAsync(
        string pipeline, string? name, HttpContext context, FeedIntake intake, IOptions<ProductFlowOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var user = context.User;
        var kind = user.FindFirstValue(ApiKeyClaims.Kind);
        if (!PrincipalNames.IsValid(pipeline) || PipelineFiles.Find(Path.GetFullPath(settings.Pipelines), pipeline) is null)
        {
            return TypedResults.Problem($"no pipeline '{pipeline}'", statusCode: StatusCodes.Status404NotFound);
        }

        if (kind != AdminPolicy.Kind && !user.FindAll(ApiKeyClaims.Grant).Any(g => g.Value == pipeline))
        {
            return TypedResults.Problem($"pipeline '{pipeline}' is not granted to this supplier", statusCode: StatusCodes.Status403Forbidden);
        }

        var limit = settings.Uploads.MaxBytes;
        if (context.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Multipart framing adds a little to the file itself; the intake counts the file's own bytes exactly.
            size.MaxRequestBodySize = limit + (64 * 1024);
        }

        var submittedBy = kind == AdminPolicy.Kind ? RunSubmitters.Operator : RunSubmitters.Supplier(user.Identity!.Name!);
        try
        {
            var (file, body) = await OpenFileAsync(context.Request, name, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return TypedResults.Problem("the form holds no file: send the file as the body, or one file in a multipart form", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }

            var queued = await intake.AcceptAsync(pipeline, file, body, submittedBy, limit, cancellationToken).ConfigureAwait(false);
            return TypedResults.Accepted(queued.Location, queued);
        }
        catch (FeedTooLargeException)
        {
            return TooLarge(limit);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
    }

    /// <summary>The uploaded file's name and content: the first file of a multipart form, else the body (named by <c>?name=</c>, else by
    /// Content-Disposition, else <c>feed</c>).</summary>
    private static async Task<(string Name, Stream? Body)> OpenFileAsync(HttpRequest request, string? name, CancellationToken cancellationToken)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                {
                    return (HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "feed", section.Body);
                }
            }

            return ("", null);
        }

        if (name is { Length: > 0 })
        {
            return (name, request.Body);
        }

        return ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var header) && header.FileName.HasValue
            ? (HeaderUtilities.RemoveQuotes(header.FileName).Value ?? "feed", request.Body)
            : ("feed", request.Body);
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"the feed is larger than the {limit:N0} bytes an upload may hold (ProductFlow:Uploads:MaxBytes)", statusCode: StatusCodes.Status413PayloadTooLarge);
}
