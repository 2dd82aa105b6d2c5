using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Extensions;
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
    private static readonly Option<string?> Input = new("--input", "-i") { Description = "Read this feed where it is (never moved) instead of the pipeline's source.path: a file, an http(s):// URL or sftp://user@host/path." };
    private static readonly Option<string> Data = StoreOptions.Data;
    private static readonly Option<bool> Json = StoreOptions.Json;
    private static readonly Option<FeedMode?> Mode = new("--mode")
    {
        Description = "partial: upsert what the feed carries; full: also mark removed the pipeline's SKUs the feed no longer carries (default: the pipeline's mode).",
        CustomParser = ParseMode,
    };

    private static readonly Option<bool> FromInbox = new("--from-inbox") { Description = "Run every feed waiting in <data>/inbox/<pipeline>/, each claimed, then archived or failed." };

    private static readonly Option<int> StableSeconds = new("--stable-seconds")
    {
        Description = "With --from-inbox: a feed without a <name>.done marker is taken once unchanged for this many seconds.",
        DefaultValueFactory = _ => 30,
    };

    public static Command Run(ILoggerFactory logging)
    {
        var command = new Command("run", "Read, check, store and publish a feed, and write its quality report.")
        {
            Pipeline, Input, Data, StoreOptions.Store, PublishOptions.Exports, Mode, PublishOptions.AllowMassDelete, FromInbox, StableSeconds, Json,
        }.WithExamples(
            "productflow run pipelines/demo.json",
            "productflow run pipelines/demo.json --input drops/supplier-2025-03.csv --json",
            "productflow run pipelines/demo.json --input sftp://acme@sftp.acme.example/~/out/products.csv",
            "productflow run pipelines/demo.json --from-inbox",
            "productflow run pipelines/demo.json --store postgresql://productflow@db.internal/productflow --mode full",
            "productflow run pipelines/demo.json --data /srv/productflow/data --quiet");
        command.SetAction((result, ct) => result.GetValue(FromInbox) ? RunInboxAsync(result, logging, ct) : ExecuteAsync(result, RunMode.Run, logging, ct));
        return command;
    }

    public static Command Validate(ILoggerFactory logging)
    {
        var input = new Option<string?>("--input", "-i") { Description = "The feed to check (default: the pipeline's source.path, as run reads it)." };
        var command = new Command("validate", "Check a feed with a pipeline's rules; nothing is stored or published. Exit 1 when there are errors.")
        {
            Pipeline, input, Data, Json,
        }.WithExamples(
            "productflow validate pipelines/demo.json",
            "productflow validate pipelines/demo.json --input new-supplier.csv --json");
        command.SetAction((result, ct) => ExecuteAsync(result, RunMode.Validate, logging, ct, input));
        return command;
    }

    private static FeedMode? ParseMode(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        switch (text)
        {
            case "partial":
                return FeedMode.Partial;
            case "full":
                return FeedMode.Full;
            default:
                result.AddError($"--mode must be partial or full, not '{text}'");
                return null;
        }
    }

    private static async Task<int> ExecuteAsync(ParseResult result, RunMode mode, ILoggerFactory logging, CancellationToken cancellationToken, Option<string?>? inputOption = null)
    {
        var file = result.GetRequiredValue(Pipeline);
        var pipeline = PipelineLoader.Load(file);
        var input = result.GetValue(inputOption ?? Input);
        var services = CliRunServices.From(result, file);
        var runner = Runner(services, logging);
        var request = Request(result, pipeline, mode) with { Input = input };
        var events = mode == RunMode.Run ? CommandEvents.For(services) : null;
        var report = await CommandEvents.AroundAsync(
            events, () => WithProgressAsync(result, pipeline.Definition.Name, progress => runner.RunAsync(pipeline, request, progress, cancellationToken)), cancellationToken).ConfigureAwait(false);
        return await WriteOutcomeAsync(report, mode, result.GetValue(Json), result.GetValue(GlobalOptions.Quiet)).ConfigureAwait(false);
    }

    private static async Task<int> RunInboxAsync(ParseResult result, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        if (result.GetValue(Input) is not null)
        {
            throw new ProductFlowException("--input and --from-inbox exclude each other") { Hint = "drop the feed into the inbox, or give --input without --from-inbox" };
        }

        var file = result.GetRequiredValue(Pipeline);
        var pipeline = PipelineLoader.Load(file);
        var data = StoreOptions.DataFolder(result, file);
        var inbox = new FolderInbox(data, pipeline.Definition.Name, new InboxOptions { StableFor = TimeSpan.FromSeconds(result.GetValue(StableSeconds)) });
        var services = CliRunServices.From(result, file);
        var inboxRunner = new InboxRunner(Runner(services, logging));
        var request = Request(result, pipeline, RunMode.Run);
        var runs = await CommandEvents.AroundAsync(
            CommandEvents.For(services),
            () => WithProgressAsync(result, pipeline.Definition.Name, progress => inboxRunner.RunWaitingAsync(pipeline, inbox, request, progress, cancellationToken)),
            cancellationToken).ConfigureAwait(false);
        await using var stdout = Console.OpenStandardOutput();
        foreach (var run in runs)
        {
            if (result.GetValue(Json))
            {
                RunResultWriter.WriteJson(run.Report, stdout);
            }
            else if (!result.GetValue(GlobalOptions.Quiet))
            {
                RunResultWriter.WriteSummary(run.Report);
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

    /// <summary>
    /// Runs with progress on stderr while the feed is read: a live Spectre.Console display on a terminal, plain lines
    /// otherwise; none with --json or --quiet, so stdout and stderr stay exactly what they promise.
    /// </summary>
    private static Task<T> WithProgressAsync<T>(ParseResult result, string pipeline, Func<IProgress<RunProgress>?, Task<T>> run)
    {
        if (result.GetValue(Json) || result.GetValue(GlobalOptions.Quiet))
        {
            return run(null);
        }

        return Console.IsErrorRedirected ? run(new ConsoleProgress(Console.Error)) : LiveProgress.RunAsync<T>(pipeline, run);
    }

    /// <summary>What the command line asks of a run: every flag of <c>run</c> in one place (validate takes none of them).</summary>
    internal static RunRequest Request(ParseResult result, LoadedPipeline pipeline, RunMode mode) => RunRequest.For(pipeline, mode) with
    {
        FeedMode = mode == RunMode.Run ? result.GetValue(Mode) : null,
        AllowMassDelete = mode == RunMode.Run && result.GetValue(PublishOptions.AllowMassDelete),
    };

    /// <summary>A runner on the services the command names (<see cref="CliRunServices"/>).</summary>
    internal static PipelineRunner Runner(RunServices services, ILoggerFactory logging) => new(services, logging.CreateLogger<PipelineRunner>());

    /// <summary>Prints a run's result (text or JSON) and its failure line, and returns its exit code.</summary>
    public static async Task<int> WriteOutcomeAsync(Reports.QualityReport report, RunMode mode, bool json, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (json)
        {
            await using var stdout = Console.OpenStandardOutput();
            RunResultWriter.WriteJson(report, stdout);
        }
        else if (!quiet)
        {
            RunResultWriter.WriteSummary(report);
        }

        if (report.Failure is { Rule: not null } stopped)
        {
            await Console.Error.WriteLineAsync($"productflow: {stopped.Message.ReplaceLineEndings(" ")} (report: {report.Folder})").ConfigureAwait(false);
            return ExitCodes.GuardStopped;
        }

        if (report.Failure is { } failure)
        {
            await Console.Error.WriteLineAsync($"productflow: {failure.Message.ReplaceLineEndings(" ")} (report: {report.Folder})").ConfigureAwait(false);
            return ExitCodes.FeedUnreadable;
        }

        if (await PublishCommands.WriteRefusalsAsync(report.Publications).ConfigureAwait(false))
        {
            return ExitCodes.GuardStopped;
        }

        var errors = report.Run.Counts.Rejected > 0 || report.Issues.Any(i => i.Severity == Severity.Error) || report.IssuesTotal > report.Issues.Count;
        return mode == RunMode.Validate && errors ? ExitCodes.ValidationErrors : ExitCodes.Completed;
    }
}
