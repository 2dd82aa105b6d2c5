using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Output;
using ProductFlow.Inbox;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Running;

namespace ProductFlow.Cli.Commands;

/// <summary><c>run</c> and <c>validate</c>: the same pipeline and rules; only <c>run</c> stores and publishes.</summary>
internal static class RunCommands
{
    private static readonly Argument<string> Pipeline = new("pipeline") { Description = "The pipeline file, e.g. pipelines/demo.json." };
    private static readonly Option<string?> Input = new("--input", "-i") { Description = "Read this feed where it is (never moved) instead of the pipeline's source.path." };
    private static readonly Option<string> Data = new("--data", "-d") { Description = "The data folder: exports/, reports/ and the embedded store.", DefaultValueFactory = _ => "data" };
    private static readonly Option<bool> Json = new("--json") { Description = "Print exactly one JSON object on stdout." };
    private static readonly Option<bool> FromInbox = new("--from-inbox") { Description = "Run every feed waiting in <data>/inbox/<pipeline>/, each claimed, then archived or failed." };

    private static readonly Option<int> StableSeconds = new("--stable-seconds")
    {
        Description = "With --from-inbox: a feed without a <name>.done marker is taken once unchanged for this many seconds.",
        DefaultValueFactory = _ => 30,
    };

    public static Command Run(ILoggerFactory logging)
    {
        var command = new Command("run", "Read, check, store and publish a feed, and write its quality report.") { Pipeline, Input, Data, Json, FromInbox, StableSeconds }
            .WithExamples(
                "productflow run pipelines/demo.json",
                "productflow run pipelines/demo.json --input drops/supplier-2025-03.csv --json",
                "productflow run pipelines/demo.json --from-inbox",
                "productflow run pipelines/demo.json --data /srv/productflow/data --quiet");
        command.SetAction((result, ct) => result.GetValue(FromInbox) ? RunInboxAsync(result, logging, ct) : ExecuteAsync(result, RunMode.Run, logging, ct));
        return command;
    }

    public static Command Validate(ILoggerFactory logging)
    {
        var required = new Option<string>("--input", "-i") { Description = "The feed to check.", Required = true };
        var command = new Command("validate", "Check a feed with a pipeline's rules; nothing is stored or published. Exit 1 when there are errors.")
        {
            Pipeline, required, Data, Json,
        }.WithExamples(
            "productflow validate pipelines/demo.json --input samples/supplier-apparel.csv",
            "productflow validate pipelines/demo.json --input new-supplier.csv --json");
        command.SetAction((result, ct) => ExecuteAsync(result, RunMode.Validate, logging, ct, required));
        return command;
    }

    private static async Task<int> RunInboxAsync(ParseResult result, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        if (result.GetValue(Input) is not null)
        {
            throw new ProductFlowException("--input and --from-inbox exclude each other") { Hint = "drop the feed into the inbox, or give --input without --from-inbox" };
        }

        var pipeline = PipelineLoader.Load(result.GetRequiredValue(Pipeline));
        var data = result.GetValue(Data)!;
        var inbox = new FolderInbox(data, pipeline.Definition.Name, new InboxOptions { StableFor = TimeSpan.FromSeconds(result.GetValue(StableSeconds)) });
        var runner = new InboxRunner(new PipelineRunner(logging.CreateLogger<PipelineRunner>()));
        var runs = await runner.RunWaitingAsync(pipeline, inbox, new RunOptions { DataDirectory = data }, cancellationToken).ConfigureAwait(false);
        await using var stdout = Console.OpenStandardOutput();
        foreach (var run in runs)
        {
            if (result.GetValue(Json))
            {
                RunResultWriter.WriteJson(run.Report, stdout);
            }
            else
            {
                RunResultWriter.WriteText(run.Report, Console.Out);
                await Console.Out.WriteLineAsync($"  feed      {run.Feed} -> {run.MovedTo}").ConfigureAwait(false);
            }

            if (run.Report.Failure is { } failure)
            {
                await Console.Error.WriteLineAsync($"productflow: {failure.Message.ReplaceLineEndings(" ")} (feed moved to {run.MovedTo})").ConfigureAwait(false);
            }
        }

        var settling = await inbox.SettlingAsync(cancellationToken).ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"inbox {inbox.Location}: {runs.Count} feed(s) run, {settling} still arriving").ConfigureAwait(false);
        return runs.Any(r => r.Report.Failure is not null) ? ExitCodes.FeedUnreadable : ExitCodes.Completed;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, RunMode mode, ILoggerFactory logging, CancellationToken cancellationToken, Option<string>? inputOverride = null)
    {
        var pipeline = PipelineLoader.Load(result.GetRequiredValue(Pipeline));
        var options = new RunOptions
        {
            Input = inputOverride is null ? result.GetValue(Input) : result.GetRequiredValue(inputOverride),
            DataDirectory = result.GetValue(Data)!,
            Mode = mode,
        };

        var report = await new PipelineRunner(logging.CreateLogger<PipelineRunner>()).RunAsync(pipeline, options, cancellationToken).ConfigureAwait(false);
        if (result.GetValue(Json))
        {
            await using var stdout = Console.OpenStandardOutput();
            RunResultWriter.WriteJson(report, stdout);
        }
        else if (!result.GetValue(GlobalOptions.Quiet))
        {
            RunResultWriter.WriteText(report, Console.Out);
        }

        if (report.Failure is { } failure)
        {
            await Console.Error.WriteLineAsync($"productflow: {failure.Message.ReplaceLineEndings(" ")} (report: {report.Folder})").ConfigureAwait(false);
            return ExitCodes.FeedUnreadable;
        }

        var errors = report.Run.Counts.Rejected > 0 || report.Issues.Any(i => i.Severity == Severity.Error) || report.IssuesTotal > report.Issues.Count;
        return mode == RunMode.Validate && errors ? ExitCodes.ValidationErrors : ExitCodes.Completed;
    }
}
