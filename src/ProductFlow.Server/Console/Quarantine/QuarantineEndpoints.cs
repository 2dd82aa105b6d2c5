using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ProductFlow.Model;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Forms;
using ProductFlow.Server.Console.Layout;
using ProductFlow.Server.Uploads;
using ProductFlow.Steward;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Quarantine;

/// <summary>The quarantine: <c>/console/quarantine</c> (open entries by pipeline and rule, and those closed), <c>/console/quarantine/{pipeline}.csv</c>
/// (the open entries as the supplier's CSV with the reasons, <see cref="QuarantineCsv"/>) and <c>POST /console/quarantine/{pipeline}/replay</c>
/// (that file corrected: turned into a replay file by <see cref="CorrectedFeed"/> and run through <see cref="FeedIntake"/> as a partial run).</summary>
internal static class QuarantineEndpoints
{
    private const int Shown = 200;

    public static RouteGroupBuilder MapQuarantinePages(this RouteGroupBuilder console)
    {
        console.MapGet("/quarantine", ListAsync);
        console.MapGet("/quarantine/{file}", DownloadAsync);
        console.MapPost("/quarantine/{pipeline}/replay", ReplayAsync).DisableAntiforgery();
        return console.MapQuarantineFix();
    }

    private static async Task<IResult> ListAsync(HttpContext context, StoreProvider stores, ServicePipelines pipelines, string? pipeline, string? rule, CancellationToken cancellationToken)
    {
        var model = await ReadAsync(context, stores, pipelines, pipeline, rule, cancellationToken).ConfigureAwait(false);
        return new RazorComponentResult<QuarantinePage>(new { Model = model });
    }

    private static async Task<QuarantinePageModel> ReadAsync(
        HttpContext context, StoreProvider stores, ServicePipelines pipelines, string? pipeline, string? rule, CancellationToken cancellationToken, string? problem = null)
    {
        var user = ConsoleUser.Of(context.User)!;
        var selected = pipeline is { Length: > 0 } && user.MayWorkOn(pipeline) ? pipeline : null;
        var wantedRule = rule is { Length: > 0 } ? rule : null;
        var counts = new SortedDictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new List<QuarantineLine>();
        var closed = new List<QuarantineLine>();
        var moreOpen = false;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var runs = await PipelinesOfRunsAsync(store, cancellationToken).ConfigureAwait(false);
            await foreach (var entry in store.ReadQuarantineAsync(includeClosed: true, cancellationToken).ConfigureAwait(false))
            {
                if (!runs.TryGetValue(entry.RunId, out var of) || !user.MayWorkOn(of))
                {
                    continue;
                }

                var issues = QuarantinedRow.IssuesOf(entry);
                if (entry.ClosedBy is null)
                {
                    var byRule = counts.TryGetValue(of, out var c) ? c : counts[of] = new Dictionary<string, long>(StringComparer.Ordinal);
                    totals[of] = totals.GetValueOrDefault(of) + 1;
                    foreach (var name in issues.Where(i => i.Severity == Severity.Error).Select(i => i.Rule).Distinct())
                    {
                        byRule[name] = byRule.GetValueOrDefault(name) + 1;
                    }
                }

                if ((selected is not null && of != selected) || (wantedRule is not null && !issues.Any(i => i.Rule == wantedRule)))
                {
                    continue;
                }

                var list = entry.ClosedBy is null ? open : closed;
                if (list.Count < Shown)
                {
                    list.Add(new QuarantineLine(entry, of, issues));
                }
                else if (entry.ClosedBy is null)
                {
                    moreOpen = true;
                }
            }
        }

        var summary = counts.Select(c => new PipelineQuarantine(c.Key, totals[c.Key], c.Value.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList())).ToList();
        return new QuarantinePageModel(summary, selected, wantedRule, open, closed, moreOpen, selected is not null && pipelines.Find(selected) is not null) { Problem = problem };
    }

    /// <summary>The pipeline of every run: quarantine entries name their run, not their pipeline.</summary>
    private static async Task<Dictionary<string, string>> PipelinesOfRunsAsync(IProductStore store, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var run in store.ReadRunsAsync(cancellationToken).ConfigureAwait(false))
        {
            runs[run.Id] = run.Pipeline;
        }

        return runs;
    }

    private static async Task<IResult> DownloadAsync(string file, HttpContext context, StoreProvider stores, ServicePipelines pipelines, string? rule, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        var pipeline = file.EndsWith(".csv", StringComparison.Ordinal) ? file[..^4] : null;
        if (pipeline is null || !user.MayWorkOn(pipeline) || pipelines.Find(pipeline) is not { } loaded)
        {
            return ConsoleResults.NotFound($"There is no quarantine file {file} you may read.");
        }

        var delimiter = loaded.Definition.Source.DelimiterOrDefault();
        var name = rule is { Length: > 0 } ? $"{pipeline}-quarantine-{rule}.csv" : $"{pipeline}-quarantine.csv";
        // CsvHelper flushes its buffer synchronously as it fills; the file streams to the browser as it is written, never held whole.
        if (context.Features.Get<IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true;
        }

        return TypedResults.Stream(
            async body =>
            {
                var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (store.ConfigureAwait(false))
                {
                    var runs = (await PipelinesOfRunsAsync(store, cancellationToken).ConfigureAwait(false)).Where(r => r.Value == pipeline).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
                    await QuarantineCsv.WriteAsync(store, runs, rule is { Length: > 0 } ? rule : null, body, delimiter, cancellationToken).ConfigureAwait(false);
                }
            },
            "text/csv; charset=utf-8",
            name);
    }

    private static async Task<IResult> ReplayAsync(
        string pipeline, HttpContext context, StoreProvider stores, ServicePipelines pipelines, FeedIntake intake, IOptions<ProductFlowOptions> options, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        if (!user.MayWorkOn(pipeline) || pipelines.Find(pipeline) is null)
        {
            return ConsoleResults.NotFound($"There is no pipeline {pipeline} you work on.");
        }

        var limit = options.Value.Uploads.MaxBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + (64 * 1024);
        }

        var form = await ConsoleForms.ReadFileFormAsync(context, cancellationToken).ConfigureAwait(false);
        if (form?.File is null || form.FileName is null)
        {
            var why = form is null ? "The form is out of date or was not sent by the console: reload the page and send it again." : "Choose the corrected file before sending.";
            return await PageAsync(context, stores, pipelines, pipeline, why, cancellationToken).ConfigureAwait(false);
        }

        var folder = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "replay");
        Directory.CreateDirectory(folder);
        var upload = Path.Combine(folder, $"corrected-{Guid.NewGuid():N}.csv");
        var replay = Path.ChangeExtension(upload, ".jsonl");
        try
        {
            await using (var file = new FileStream(upload, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await CopyAsync(form.File, file, limit, cancellationToken).ConfigureAwait(false);
            }

            long rows;
            await using (var output = new FileStream(replay, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                rows = await CorrectedFeed.ConvertAsync(upload, form.FileName, output, cancellationToken).ConfigureAwait(false);
            }

            if (rows == 0)
            {
                return await PageAsync(context, stores, pipelines, pipeline, $"{form.FileName} has no rows to replay.", cancellationToken).ConfigureAwait(false);
            }

            await using var content = File.OpenRead(replay);
            var queued = await intake.AcceptAsync(
                pipeline, Path.GetFileNameWithoutExtension(form.FileName) + ".replay.jsonl", content, user.SubmittedBy, long.MaxValue, cancellationToken, UploadMode.Replay).ConfigureAwait(false);
            return TypedResults.Redirect(ConsolePaths.Run(queued.RunId));
        }
        catch (FeedReadException e)
        {
            return await PageAsync(context, stores, pipelines, pipeline, e.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FeedTooLargeException || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            return await PageAsync(context, stores, pipelines, pipeline, $"The file is larger than the {limit:N0} bytes an upload may hold.", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(upload);
            File.Delete(replay);
        }
    }

    private static async Task<IResult> PageAsync(HttpContext context, StoreProvider stores, ServicePipelines pipelines, string pipeline, string problem, CancellationToken cancellationToken)
    {
        var model = await ReadAsync(context, stores, pipelines, pipeline, null, cancellationToken, problem).ConfigureAwait(false);
        return new RazorComponentResult<QuarantinePage>(new { Model = model }) { StatusCode = StatusCodes.Status400BadRequest };
    }

    private static async Task CopyAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new FeedTooLargeException(limit);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }
}
