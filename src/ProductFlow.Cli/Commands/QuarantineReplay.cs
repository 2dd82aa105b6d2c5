using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using ProductFlow.Csv;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>quarantine replay &lt;runId&gt; --pipeline P</c>: re-runs a run's open quarantined records through the current rules.</summary>
/// <remarks>
/// The open entries' source fields are written back as a feed (<c>&lt;data&gt;/replay/replay-&lt;runId&gt;.csv</c>, the
/// supplier's columns, the pipeline's delimiter) and run like any feed: accepted records are stored (with lineage to that
/// file) and close their entries; records that still fail are quarantined again under the replay's run. Rows that could
/// not be split (kept only as raw text) cannot be replayed and are left open.
/// </remarks>
internal static class QuarantineReplay
{
    private static readonly Argument<string> RunId = new("runId") { Description = "The run whose quarantined records to replay." };
    private static readonly Option<string> PipelineFile = new("--pipeline", "-p") { Description = "The pipeline file (current rules) to replay them with.", Required = true };

    public static Command Replay(ILoggerFactory logging)
    {
        var command = new Command("replay", "Re-run a run's open quarantined records through the pipeline's current rules.") { RunId, PipelineFile }.WithStoreOptions()
            .WithExamples("productflow quarantine replay 20261124T101850Z-a9f70a --pipeline pipelines/demo.json");
        command.SetAction((result, ct) => ExecuteAsync(result, logging, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var pipeline = PipelineLoader.Load(result.GetRequiredValue(PipelineFile));
        var runId = result.GetRequiredValue(RunId);
        var data = Path.GetFullPath(result.GetValue(StoreOptions.Data)!);
        var entries = new List<QuarantineEntry>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var run = await store.FindRunAsync(runId, cancellationToken).ConfigureAwait(false);
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

        var feed = WriteFeed(Path.Combine(data, "replay", $"replay-{runId}.csv"), entries, Delimiters.Parse(pipeline.Definition.Source.Delimiter));
        if (feed is null)
        {
            await Console.Out.WriteLineAsync($"run {runId}: no open quarantined records to replay").ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        var services = CliRunServices.From(result);
        var runner = RunCommands.Runner(services, logging);
        var report = await CommandEvents.AroundAsync(
            CommandEvents.For(services), () => runner.RunAsync(pipeline, RunRequest.For(pipeline) with { Input = feed }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return await RunCommands.WriteOutcomeAsync(report, RunMode.Run, result.GetValue(StoreOptions.Json)).ConfigureAwait(false);
    }

    /// <summary>Writes the entries' source fields as a CSV feed (every field quoted); null when no entry can be replayed.</summary>
    private static string? WriteFeed(string path, List<QuarantineEntry> entries, char? delimiter)
    {
        var rows = new List<List<KeyValuePair<string, string>>>();
        foreach (var entry in entries.OrderBy(e => e.Line))
        {
            using var source = JsonDocument.Parse(entry.Source);
            if (source.RootElement.TryGetProperty("raw", out _))
            {
                continue;
            }

            rows.Add(source.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")).ToList());
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var separator = delimiter ?? ',';
        var header = rows[0].Select(p => p.Key).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(string.Join(separator, header.Select(Quote)));
        writer.Write('\n');
        foreach (var row in rows)
        {
            var fields = row.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            writer.Write(string.Join(separator, header.Select(column => Quote(fields.GetValueOrDefault(column, "")))));
            writer.Write('\n');
        }

        return path;
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
