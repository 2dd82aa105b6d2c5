using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ProductFlow.Reports;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Forms;
using ProductFlow.Server.Console.Layout;
using ProductFlow.Server.Runs;
using ProductFlow.Server.Uploads;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Runs;

/// <summary>The runs pages: <c>/console/runs</c> (filtered, paged, with each pipeline's trend), <c>/console/runs/live.json</c> (what the
/// pages' script polls), <c>/console/runs/{id}</c>, its report and downloads, and its retry.</summary>
internal static class RunEndpoints
{
    private const int PageSize = 50;

    private static readonly HashSet<string> Files = new(StringComparer.Ordinal)
    {
        HtmlReportWriter.FileName, ReportJsonWriter.FileName, IssueLog.FileName, RejectedLog.FileName,
    };

    public static RouteGroupBuilder MapRunPages(this RouteGroupBuilder console)
    {
        console.MapGet("/runs", ListAsync);
        console.MapGet("/runs/live.json", LiveAsync);
        console.MapGet("/runs/{id}", ShowAsync);
        console.MapGet("/runs/{id}/{file}", FileAsync);
        console.MapPost("/runs/{id}/retry", RetryAsync).WithFormCheck();
        return console;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, StoreProvider stores, ServicePipelines pipelines, RunProgressBoard progress, string? pipeline, string? status, int? page, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        RunStatus? wanted = Enum.TryParse<RunStatus>(status, ignoreCase: true, out var parsed) ? parsed : null;
        var number = Math.Max(page ?? 1, 1);
        var selected = pipeline is { Length: > 0 } ? pipeline : null;
        var names = pipelines.Load().Select(p => p.Definition.Name).Where(user.MayWorkOn).ToList();
        List<RunRecord> runs;
        bool more;
        var trends = new Dictionary<string, List<RunRecord>>(StringComparer.Ordinal);
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            (runs, more) = await new RunQuery(selected, wanted, null, number, PageSize).ReadAsync(store, r => user.MayWorkOn(r.Pipeline), cancellationToken).ConfigureAwait(false);
            await foreach (var run in store.ReadRunsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (run.Status is RunStatus.Completed or RunStatus.Failed && user.MayWorkOn(run.Pipeline) && (selected is null || run.Pipeline == selected))
                {
                    var trend = trends.TryGetValue(run.Pipeline, out var list) ? list : trends[run.Pipeline] = [];
                    if (trend.Count < PipelineTrend.Length)
                    {
                        trend.Add(run);
                    }
                }
            }
        }

        var model = new RunsPageModel(
            runs.Select(r => new RunRow(r, RunText.IsActive(r.Status) ? progress.Read(r.Id) : null)).ToList(),
            names.Union(trends.Keys).Order(StringComparer.Ordinal).ToList(), selected, wanted, number, more,
            trends.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new PipelineTrend(t.Key, t.Value.AsEnumerable().Reverse().ToList())).ToList());
        return new RazorComponentResult<RunsPage>(new { Model = model });
    }

    /// <summary>The runs' state for the pages' script: <c>{"runs":[{"id","status","read","accepted","rejected","warnings","duration","progress","percent"}]}</c>.</summary>
    private static async Task<IResult> LiveAsync(HttpContext context, RunLookup lookup, string? ids, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        var wanted = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(ConsolePaths.IsId).Distinct().Take(100).ToList();
        var found = new List<RunPageModel>();
        foreach (var id in wanted)
        {
            if (await lookup.FindAsync(id, user, cancellationToken).ConfigureAwait(false) is { } run)
            {
                found.Add(run);
            }
        }

        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new Utf8JsonWriter(body);
                writer.WriteStartObject();
                writer.WriteStartArray("runs");
                foreach (var run in found)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", run.Id);
                    writer.WriteString("status", run.State);
                    writer.WriteString("read", Reports.Html.HtmlText.Number(run.Counts.Read));
                    writer.WriteString("accepted", Reports.Html.HtmlText.Number(run.Counts.Accepted));
                    writer.WriteString("rejected", Reports.Html.HtmlText.Number(run.Counts.Rejected));
                    writer.WriteString("warnings", Reports.Html.HtmlText.Number(run.Counts.Warnings));
                    writer.WriteString("duration", run.Run is { } record ? RunText.Duration(record) : "");
                    writer.WriteString("progress", run.IsActive ? (run.Progress is null ? (run.State == "queued" ? "waiting for a worker" : "starting") : RunText.Progress(run.Progress)) : "");
                    if (run.IsActive && RunText.Percent(run.Progress) is { } percent)
                    {
                        writer.WriteString("percent", percent);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            },
            "application/json; charset=utf-8");
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext context, RunLookup lookup, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        if (!ConsolePaths.IsId(id) || await lookup.FindAsync(id, user, cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return ConsoleResults.NotFound($"There is no run {id}, or it is of a pipeline you do not work on.");
        }

        return new RazorComponentResult<RunPage>(new { Model = model });
    }

    private static async Task<IResult> FileAsync(string id, string file, HttpContext context, RunLookup lookup, ReportFiles reports, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        if (!Files.Contains(file) || !ConsolePaths.IsId(id) || await lookup.FindAsync(id, user, cancellationToken).ConfigureAwait(false) is null
            || await reports.OpenAsync(id, file, cancellationToken).ConfigureAwait(false) is not { } stream)
        {
            return ConsoleResults.NotFound($"Run {id} has no {file} (yet), or it is of a pipeline you do not work on.");
        }

        var extension = Path.GetExtension(file);
        if (extension == ".html")
        {
            // report.html runs its own script (allowed by its hash) and inline styles: it is sent with its own policy, not the console's.
            context.Response.Headers.ContentSecurityPolicy = HtmlReportWriter.ContentSecurityPolicy;
        }

        var type = extension switch
        {
            ".html" => "text/html; charset=utf-8",
            ".json" => "application/json; charset=utf-8",
            _ => "text/csv; charset=utf-8",
        };
        var download = extension == ".csv" ? string.Create(CultureInfo.InvariantCulture, $"{id}-{file}") : null;
        return TypedResults.Stream(stream, type, download, enableRangeProcessing: stream.CanSeek);
    }

    private static async Task<IResult> RetryAsync(string id, HttpContext context, RunLookup lookup, FeedIntake intake, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        if (!ConsolePaths.IsId(id) || await lookup.FindAsync(id, user, cancellationToken).ConfigureAwait(false) is not { Run: { } run })
        {
            return ConsoleResults.NotFound($"There is no run {id}, or it is of a pipeline you do not work on.");
        }

        if (run.Status != RunStatus.Failed)
        {
            return ConsoleResults.Refused($"Run {id} is {RunText.Status(run.Status)}: only a failed run is retried.", ConsolePaths.Run(id));
        }

        var queued = await intake.RequeueAsync(run, user.SubmittedBy, cancellationToken).ConfigureAwait(false);
        return queued is null
            ? ConsoleResults.Refused($"The feed of run {id} is no longer kept (archived feeds are purged after their retention): upload it again.", ConsolePaths.Upload)
            : TypedResults.Redirect(ConsolePaths.Run(queued.RunId));
    }
}
