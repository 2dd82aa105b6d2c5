using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Cli.Output;
using ProductFlow.Reports;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>runs list</c> and <c>runs show &lt;id&gt;</c>: the runs the store keeps, with feed, status and counts.</summary>
internal static class RunsCommands
{
    private static readonly Argument<string> Id = new("id") { Description = "The run id, as run prints it." };

    public static Command Runs()
    {
        var list = new Command("list", "List every run, the latest first.").WithStoreOptions().WithExamples("productflow runs list", "productflow runs list --json");
        list.SetAction(ListAsync);
        var show = new Command("show", "Show one run: pipeline, feed (name, size, sha256), times, status, counts and report.") { Id }
            .WithExamples("productflow runs show 20261124T101850Z-a9f70a");
        show.WithStoreOptions().SetAction(ShowAsync);
        return new Command("runs", "Read the runs the product store keeps.") { list, show };
    }

    private static async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await foreach (var run in store.ReadRunsAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(run);
            }
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("runs");
                foreach (var run in runs)
                {
                    WriteRun(writer, run);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }).ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        foreach (var run in runs)
        {
            var counts = run.Counts;
            await Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{run.Id}  {Status(run),-9}  {run.Pipeline}  {run.Feed.Name}  read {counts.Read}  accepted {counts.Accepted}  rejected {counts.Rejected}  changed {counts.Changed}")).ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }

    private static async Task<int> ShowAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var id = result.GetRequiredValue(Id);
        RunRecord? run;
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            run = await store.FindRunAsync(id, cancellationToken).ConfigureAwait(false);
        }

        if (run is null)
        {
            await Console.Error.WriteLineAsync($"productflow: no run {id} in the store (hint: 'productflow runs list' shows the runs)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer => WriteRun(writer, run)).ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        var inv = CultureInfo.InvariantCulture;
        var output = Console.Out;
        await output.WriteLineAsync($"run {run.Id}  pipeline {run.Pipeline}  {Status(run)}").ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(inv, $"  feed      {run.Feed.Name}  {run.Feed.Size} bytes  sha256 {run.Feed.Sha256}")).ConfigureAwait(false);
        await output.WriteLineAsync($"  started   {Time(run.Started)}").ConfigureAwait(false);
        await output.WriteLineAsync($"  finished  {(run.Finished is { } finished ? Time(finished) : "-")}").ConfigureAwait(false);
        var c = run.Counts;
        await output.WriteLineAsync(string.Create(inv, $"  read {c.Read}  accepted {c.Accepted}  rejected {c.Rejected}  warnings {c.Warnings}  changed {c.Changed}  removed {c.Removed}")).ConfigureAwait(false);
        await output.WriteLineAsync($"  report    {run.Report ?? "-"}").ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private static void WriteRun(Utf8JsonWriter writer, RunRecord run)
    {
        writer.WriteStartObject();
        writer.WriteString("id", run.Id);
        writer.WriteString("pipeline", run.Pipeline);
        ReportJsonWriter.WriteFeed(writer, run.Feed);
        writer.WriteString("started", Time(run.Started));
        writer.WriteString("finished", run.Finished is { } finished ? Time(finished) : null);
        writer.WriteString("status", Status(run));
        ReportJsonWriter.WriteCounts(writer, run.Counts);
        writer.WriteString("report", run.Report);
        writer.WriteEndObject();
    }

    private static string Status(RunRecord run) => run.Status.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
