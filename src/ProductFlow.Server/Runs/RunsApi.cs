using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ProductFlow.Reports;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Configuration;
using ProductFlow.Store;

namespace ProductFlow.Server.Runs;

/// <summary>The runs API for operators and suppliers: <c>GET /runs</c> (filtered, paged), <c>GET /runs/{id}</c>, its report, report.json,
/// issues.csv and rejected.csv, and <c>POST /runs/{id}/retry</c>.</summary>
/// <remarks>Operators (the admin key) see every run; a supplier sees the runs of its own uploads, nothing else (404 for the others, so a
/// supplier cannot learn which run ids exist). Reports stream from the report store, so any node of the service serves them.</remarks>
public static class RunsApi
{
    public const string ReadPolicy = "runs";

    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var runs = endpoints.MapGroup("/runs").RequireAuthorization(ReadPolicy).WithTags("Runs");
        runs.MapGet("/", ListAsync).WithName("ListRuns").WithSummary("Runs, newest first: ?pipeline=&status=&since=&page=&pageSize=");
        runs.MapGet("/{id}", ShowAsync).WithName("GetRun").WithSummary("A run: status, counts, issues by rule, publications, links.");
        runs.MapGet("/{id}/report", (string id, HttpContext c, ReportFiles files, StoreProvider stores, CancellationToken ct) => FileAsync(id, HtmlReportWriter.FileName, c, files, stores, ct))
            .WithName("GetRunReport").WithSummary("The run's quality report (HTML).");
        runs.MapGet("/{id}/report.json", (string id, HttpContext c, ReportFiles files, StoreProvider stores, CancellationToken ct) => FileAsync(id, ReportJsonWriter.FileName, c, files, stores, ct))
            .WithName("GetRunReportJson").WithSummary("The run's report.json.");
        runs.MapGet("/{id}/issues.csv", (string id, HttpContext c, ReportFiles files, StoreProvider stores, CancellationToken ct) => FileAsync(id, IssueLog.FileName, c, files, stores, ct))
            .WithName("GetRunIssues").WithSummary("Every issue of the run.");
        runs.MapGet("/{id}/rejected.csv", (string id, HttpContext c, ReportFiles files, StoreProvider stores, CancellationToken ct) => FileAsync(id, RejectedLog.FileName, c, files, stores, ct))
            .WithName("GetRunRejected").WithSummary("The rejected rows as the supplier sent them, with the reasons.");
        runs.MapPost("/{id}/retry", RunRetry.RetryAsync).RequireAuthorization(AdminPolicy.Name).WithName("RetryRun")
            .WithSummary("Runs the feed of a failed run again, as a new run (operators only).");
        return endpoints;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ListAsync(
        HttpContext context, StoreProvider stores, string? pipeline, string? status, DateTimeOffset? since, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        RunStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed))
            {
                return TypedResults.Problem($"status is one of {string.Join(", ", Enum.GetNames<RunStatus>().Select(n => n.ToLowerInvariant()))}", statusCode: StatusCodes.Status400BadRequest);
            }

            wanted = parsed;
        }

        var size = Math.Clamp(pageSize ?? 50, 1, MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var viewer = RunViewer.Of(context.User);
        List<RunRecord> selected;
        bool more;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            (selected, more) = await new RunQuery(pipeline, wanted, since, number, size).ReadAsync(store, viewer.MaySee, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new Utf8JsonWriter(body);
                writer.WriteStartObject();
                writer.WriteNumber("page", number);
                writer.WriteNumber("pageSize", size);
                if (more)
                {
                    writer.WriteString("next", $"/runs?page={number + 1}&pageSize={size}" + (pipeline is null ? "" : "&pipeline=" + Uri.EscapeDataString(pipeline)) + (status is null ? "" : "&status=" + status));
                }

                writer.WriteStartArray("runs");
                foreach (var run in selected)
                {
                    RunJson.Write(writer, run);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            },
            "application/json; charset=utf-8");
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> ShowAsync(string id, HttpContext context, StoreProvider stores, ReportFiles files, CancellationToken cancellationToken)
    {
        var run = await RunViewer.FindAsync(id, context.User, stores, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        var report = await files.OpenAsync(run.Id, ReportJsonWriter.FileName, cancellationToken).ConfigureAwait(false);
        return TypedResults.Stream(
            async body =>
            {
                using var document = report is null ? null : await JsonDocument.ParseAsync(report, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (report is not null)
                {
                    await report.DisposeAsync().ConfigureAwait(false);
                }

                await using var writer = new Utf8JsonWriter(body);
                RunJson.Write(writer, run, document?.RootElement);
            },
            "application/json; charset=utf-8");
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> FileAsync(
        string id, string file, HttpContext context, ReportFiles files, StoreProvider stores, CancellationToken cancellationToken)
    {
        if (await RunViewer.FindAsync(id, context.User, stores, cancellationToken).ConfigureAwait(false) is not { } run
            || await files.OpenAsync(run.Id, file, cancellationToken).ConfigureAwait(false) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        var type = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            _ => "text/csv; charset=utf-8",
        };
        var download = Path.GetExtension(file) == ".csv" ? string.Create(CultureInfo.InvariantCulture, $"{run.Id}-{file}") : null;
        return TypedResults.Stream(stream, type, download, enableRangeProcessing: stream.CanSeek);
    }
}
