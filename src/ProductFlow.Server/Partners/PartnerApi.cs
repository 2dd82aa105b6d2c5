using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using ProductFlow.Channels;
using ProductFlow.Publishing;

namespace ProductFlow.Server.Partners;

/// <summary>The partner API: <c>/partners/{partner}/exports/{channel}/</c> <c>latest</c>, <c>versions</c>, <c>versions/{n}</c>,
/// <c>versions/{n}/manifest</c> and <c>changes?since={n}</c>, for partners signed in with their key.</summary>
/// <remarks>
/// Data files stream from the export store, never buffered whole: a version's files never change once its manifest is written,
/// so a response is one whole version even while a publication replaces <c>latest</c>; its ETag is the version's sha256, its
/// Last-Modified the version's time, and Range, If-None-Match and If-Modified-Since are honoured.
/// </remarks>
public static class PartnerApi
{
    public const string Policy = "partner";

    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/partners/{partner}/exports/{channel}")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(Policy)
            .AddEndpointFilter<PartnerAccess>()
            .WithTags("Partners");
        exports.MapGet("/latest", LatestAsync).WithName("GetLatestExport")
            .WithSummary("The current version's data file.");
        exports.MapGet("/versions", VersionsAsync).WithName("ListExportVersions")
            .WithSummary("The channel's published versions, oldest first.");
        exports.MapGet("/versions/{version:int}", VersionAsync).WithName("GetExportVersion")
            .WithSummary("One version's data file.");
        exports.MapGet("/versions/{version:int}/manifest", ManifestAsync).WithName("GetExportManifest")
            .WithSummary("One version's manifest: rows, bytes, sha256, mode.");
        exports.MapGet("/changes", ChangesAsync).WithName("GetExportChanges")
            .WithSummary("The records added, changed or removed since version 'since', as JSON Lines; 410 when that version is gone.");
        return endpoints;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> LatestAsync(
        string channel, HttpContext context, IBlobStore exports, CancellationToken cancellationToken)
    {
        var note = AccessNote.Of(context, "latest", channel);
        // The version current names may be pruned between reading current and opening it (publications in quick succession with a small
        // keepVersions): current has moved on by then, so reading it again finds a version that is there.
        for (var attempt = 0; ; attempt++)
        {
            if (await ExportHistory.CurrentVersionAsync(exports, channel, cancellationToken).ConfigureAwait(false) is not { } version)
            {
                return NotFound($"channel '{channel}' has no published version");
            }

            var file = await DataFileAsync(channel, version, note, exports, cancellationToken).ConfigureAwait(false);
            if (file.Result is FileStreamHttpResult || attempt == 2)
            {
                return file;
            }
        }
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> VersionAsync(
        string channel, int version, HttpContext context, IBlobStore exports, CancellationToken cancellationToken) =>
        await DataFileAsync(channel, version, AccessNote.Of(context, "version", channel), exports, cancellationToken).ConfigureAwait(false);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DataFileAsync(
        string channel, int version, AccessNote note, IBlobStore exports, CancellationToken cancellationToken)
    {
        note.Version = version;
        if (await ExportHistory.ManifestAsync(exports, channel, version, cancellationToken).ConfigureAwait(false) is not { } manifest
            || await exports.OpenReadAsync(ExportLayout.DataFile(channel, version, manifest.File), cancellationToken).ConfigureAwait(false) is not { } data)
        {
            return NotFound($"channel '{channel}' has no version {version}");
        }

        return TypedResults.Stream(
            data, ExportContentTypes.Of(manifest.File), ExportHistory.DownloadName(manifest), manifest.CreatedAt,
            new EntityTagHeaderValue($"\"{manifest.Sha256}\""), enableRangeProcessing: data.CanSeek);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ManifestAsync(
        string channel, int version, HttpContext context, IBlobStore exports, CancellationToken cancellationToken)
    {
        AccessNote.Of(context, "manifest", channel).Version = version;
        var manifest = await exports.OpenReadAsync(ExportLayout.Manifest(channel, version), cancellationToken).ConfigureAwait(false);
        return manifest is null ? NotFound($"channel '{channel}' has no version {version}") : TypedResults.Stream(manifest, "application/json; charset=utf-8");
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> VersionsAsync(
        string channel, HttpContext context, IBlobStore exports, CancellationToken cancellationToken)
    {
        AccessNote.Of(context, "versions", channel);
        var manifests = new List<ExportManifest>();
        foreach (var version in await ExportHistory.VersionsAsync(exports, channel, cancellationToken).ConfigureAwait(false))
        {
            if (await ExportHistory.ManifestAsync(exports, channel, version, cancellationToken).ConfigureAwait(false) is { } manifest)
            {
                manifests.Add(manifest);
            }
        }

        if (manifests.Count == 0)
        {
            return NotFound($"channel '{channel}' has no published version");
        }

        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new Utf8JsonWriter(body);
                writer.WriteStartArray();
                foreach (var manifest in manifests)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("version", manifest.Version);
                    writer.WriteString("createdAt", manifest.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                    writer.WriteNumber("rows", manifest.Rows);
                    writer.WriteNumber("bytes", manifest.Bytes);
                    writer.WriteString("sha256", manifest.Sha256);
                    writer.WriteString("mode", ExportModeNames.Name(manifest.Mode));
                    if (manifest.BasedOn is { } basedOn)
                    {
                        writer.WriteNumber("basedOn", basedOn);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            },
            "application/json; charset=utf-8");
    }

    private static Task<Results<PushStreamHttpResult, ProblemHttpResult>> ChangesAsync(
        string channel, int? since, HttpContext context, IBlobStore exports, CancellationToken cancellationToken) =>
        PartnerChanges.ChangesAsync(channel, since, context, exports, cancellationToken);

    internal static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}
