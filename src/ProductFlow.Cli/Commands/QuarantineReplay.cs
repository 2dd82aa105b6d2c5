using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using ProductFlow.Connectors.Replay;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>quarantine replay &lt;runId&gt; --pipeline P</c>: re-runs a run's open quarantined records through the current rules.</summary>
/// <remarks>
/// The open entries' source fields are written back as a replay file (<c>&lt;data&gt;/replay/replay-&lt;runId&gt;.jsonl</c>, ProductFlow's
/// own format: see <see cref="ReplayFile"/>) and run as a partial run of the pipeline, whatever its format (CSV in any encoding,
/// XLSX, JSON, JSON Lines, HTTP, Akeneo): accepted records are stored (with lineage to that file) and close their entries;
/// records that still fail are quarantined again under the replay's run. A replay never counts as a full feed: it removes nothing.
/// Rows that could not be split (kept only as raw text) cannot be replayed and are left open.
/// </remarks>
internal static class QuarantineReplay
{
    private static readonly Argument<string> RunId = new("runId") { Description = "The run whose quarantined records to replay." };
    private static readonly Option<string> PipelineFile = new("--pipeline", "-p") { Description = "The pipeline file (current rules) to replay them with.", Required = true };

    public static Command Replay(ILoggerFactory logging)
    {
        var command = new Command("replay", "Re-run a run's open quarantined records through the pipeline's current rules (a partial run).") { RunId, PipelineFile }.WithStoreOptions()
            .WithExamples("productflow quarantine replay 20261124T101850Z-a9f70a --pipeline pipelines/demo.json");
        command.SetAction((result, ct) => ExecuteAsync(result, logging, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var file = result.GetRequiredValue(PipelineFile);
        var pipeline = PipelineLoader.Load(file);
        var runId = result.GetRequiredValue(RunId);
        var data = StoreOptions.DataFolder(result, file);
        var entries = new List<QuarantineEntry>();
        RunRecord? run;
        var store = await StoreCommand.OpenAsync(result, file, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            run = await store.FindRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (run is null || run.Pipeline != pipeline.Definition.Name)
            {
                var problem = run is null ? $"no run {runId} in the store" : $"run {runId} read pipeline {run.Pipeline}, not {pipeline.Definition.Name}";
                await Console.Error.WriteLineAsync($"productflow: {problem} (hint: 'productflow runs list' shows the runs)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await foreach (var entry in store.ReadQuarantineAsync(false, cancellationToken).ConfigureAwait(false))
            {
                if (entry.RunId == runId)
                {
                    entries.Add(entry);
                }
            }
        }

        var feed = ReplayFile.PathOf(data, runId);
        var delimiter = pipeline.Definition.Source.DelimiterOrDefault();
        if (ReplayFile.Write(feed, runId, run.Feed.Name, delimiter, entries) == 0)
        {
            await Console.Out.WriteLineAsync($"run {runId}: no open quarantined records to replay").ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        var services = CliRunServices.From(result, file);
        var runner = RunCommands.Runner(services, logging);
        var report = await CommandEvents.AroundAsync(
            CommandEvents.For(services), () => runner.RunAsync(pipeline, RunRequest.For(pipeline) with { Input = feed, Replay = true }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return await RunCommands.WriteOutcomeAsync(report, RunMode.Run, result.GetValue(StoreOptions.Json)).ConfigureAwait(false);
    }
}
