using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ProductFlow.Connectors.Replay;
using ProductFlow.Model;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Forms;
using ProductFlow.Server.Console.Layout;
using ProductFlow.Server.Uploads;
using ProductFlow.Steward;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Quarantine;

/// <summary>One quarantined row fixed in the browser: <c>/console/quarantine/{pipeline}/fix?run=&amp;line=</c> shows the row as the feed had it,
/// each column a field, the columns the rules named first with what is wrong; the corrected row is sent as a one-row replay file through
/// <see cref="FeedIntake"/> (a partial run of the pipeline's current rules, as a corrected file is), so its values keep the row's line.</summary>
internal static class QuarantineFixEndpoints
{
    /// <summary>The form field of the row's <c>i</c>-th column: by position, since a header may name a column twice.</summary>
    public static string FieldName(int index) => "column-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static RouteGroupBuilder MapQuarantineFix(this RouteGroupBuilder console)
    {
        console.MapGet("/quarantine/{pipeline}/fix", ShowAsync);
        console.MapPost("/quarantine/{pipeline}/fix", FixAsync).WithFormCheck();
        return console;
    }

    private static async Task<IResult> ShowAsync(string pipeline, string? run, long? line, HttpContext context, StoreProvider stores, ServicePipelines pipelines, CancellationToken cancellationToken)
    {
        var found = await FindAsync(pipeline, run, line, context, stores, pipelines, cancellationToken).ConfigureAwait(false);
        return found.Page ?? new RazorComponentResult<QuarantineFixPage>(new { Model = found.Model! });
    }

    private static async Task<IResult> FixAsync(string pipeline, HttpContext context, StoreProvider stores, ServicePipelines pipelines, FeedIntake intake, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var line = long.TryParse(form["line"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        var found = await FindAsync(pipeline, form["run"], line, context, stores, pipelines, cancellationToken).ConfigureAwait(false);
        if (found.Page is not null)
        {
            return found.Page;
        }

        var model = found.Model!;
        var values = model.Columns.Select((column, i) => form[FieldName(i)].Count == 1 ? form[FieldName(i)].ToString() : column.Value).ToList();
        using var replay = new MemoryStream();
        ReplayFile.WriteHeader(replay, model.Entry.RunId, model.Feed, model.Delimiter, model.Columns.Select(c => c.Key));
        ReplayFile.WriteRow(replay, model.Entry.Line, values);
        replay.Position = 0;
        var user = ConsoleUser.Of(context.User)!;
        // An uploaded feed is named after its run (<run>-supplier.csv): the fixed row is named after the supplier's file.
        var feed = Path.GetFileNameWithoutExtension(model.Feed ?? pipeline);
        feed = feed.StartsWith(model.Entry.RunId + "-", StringComparison.Ordinal) ? feed[(model.Entry.RunId.Length + 1)..] : feed;
        var name = $"{feed}-line-{model.Entry.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}-fixed.replay.jsonl";
        var queued = await intake.AcceptAsync(pipeline, name, replay, user.SubmittedBy, long.MaxValue, cancellationToken, UploadMode.Replay).ConfigureAwait(false);
        return TypedResults.Redirect(ConsolePaths.Run(queued.RunId));
    }

    /// <summary>The open entry of <paramref name="run"/> at <paramref name="line"/>, when the run is one of <paramref name="pipeline"/>'s, the user
    /// works on that pipeline and the row was split into columns; else the page that says why not.</summary>
    private static async Task<(QuarantineFixModel? Model, IResult? Page)> FindAsync(
        string pipeline, string? run, long? line, HttpContext context, StoreProvider stores, ServicePipelines pipelines, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        if (!user.MayWorkOn(pipeline) || pipelines.Find(pipeline) is not { } loaded)
        {
            return (null, ConsoleResults.NotFound($"There is no pipeline {pipeline} you work on."));
        }

        var back = $"{ConsolePaths.Quarantine}?pipeline={Uri.EscapeDataString(pipeline)}";
        if (!ConsolePaths.IsId(run) || line is null)
        {
            return (null, ConsoleResults.NotFound("There is no such quarantined row."));
        }

        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var ran = await store.FindRunAsync(run!, cancellationToken).ConfigureAwait(false);
            if (ran is null || ran.Pipeline != pipeline)
            {
                return (null, ConsoleResults.NotFound("There is no such quarantined row."));
            }

            QuarantineEntry? entry = null;
            await foreach (var candidate in store.ReadQuarantineAsync(includeClosed: true, cancellationToken).ConfigureAwait(false))
            {
                if (candidate.RunId == run && candidate.Line == line)
                {
                    entry = candidate;
                    break;
                }
            }

            if (entry is null)
            {
                return (null, ConsoleResults.NotFound("There is no such quarantined row."));
            }

            if (entry.ClosedBy is { } closedBy)
            {
                return (null, ConsoleResults.Refused($"This row is no longer in the quarantine: run {closedBy} closed it.", back));
            }

            var columns = ReplayFile.FieldsOf(entry);
            if (columns is null)
            {
                return (null, ConsoleResults.Refused(
                    "This row could not be split into columns when it was read, so it cannot be fixed field by field: download the open rows, correct its line and upload the file.", back));
            }

            var delimiter = loaded.Definition.Source.DelimiterOrDefault();
            var errors = QuarantinedRow.IssuesOf(entry).Where(i => i.Severity == Severity.Error).ToList();
            return (new QuarantineFixModel(pipeline, entry, ran.Feed.Name, delimiter, columns, errors), null);
        }
    }
}
