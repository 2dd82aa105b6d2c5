using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Running;

namespace ProductFlow.Cli.Commands;

/// <summary><c>run</c> and <c>validate</c>: the same pipeline and rules; only <c>run</c> stores and publishes.</summary>
internal static class RunCommands
{
    private static readonly Argument<string> Pipeline = new("pipeline") { Description = "The pipeline file, e.g. pipelines/demo.json." };
    private static readonly Option<string?> Input = new("--input", "-i") { Description = "Read this feed where it is (never moved) instead of the pipeline's source.path." };
    private static readonly Option<string> Data = StoreOptions.Data;
    private static readonly Option<bool> Json = StoreOptions.Json;
    private static readonly Option<FeedMode?> Mode = new("--mode")
    {
        Description = "partial: upsert what the feed carries; full: also mark removed the pipeline's SKUs the feed no longer carries (default: the pipeline's mode).",
        CustomParser = ParseMode,
    };

    private static readonly Option<bool> AllowMassDelete = new("--allow-mass-delete") { Description = "Let a full run remove more than the pipeline's maxRemovedShare of its SKUs." };

    public static Command Run(ILoggerFactory logging)
    {
        var command = new Command("run", "Read, check, store and publish a feed, and write its quality report.") { Pipeline, Input, Data, StoreOptions.Store, Mode, AllowMassDelete, Json };
        command.SetAction((result, ct) => ExecuteAsync(result, RunMode.Run, logging, ct));
        return command;
    }

    public static Command Validate(ILoggerFactory logging)
    {
        var required = new Option<string>("--input", "-i") { Description = "The feed to check.", Required = true };
        var command = new Command("validate", "Check a feed with a pipeline's rules; nothing is stored or published. Exit 1 when there are errors.")
        {
            Pipeline, required, Data, Json,
        };
        command.SetAction((result, ct) => ExecuteAsync(result, RunMode.Validate, logging, ct, required));
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

    private static async Task<int> ExecuteAsync(ParseResult result, RunMode mode, ILoggerFactory logging, CancellationToken cancellationToken, Option<string>? inputOverride = null)
    {
        var pipeline = PipelineLoader.Load(result.GetRequiredValue(Pipeline));
        var options = new RunOptions
        {
            Input = inputOverride is null ? result.GetValue(Input) : result.GetRequiredValue(inputOverride),
            DataDirectory = result.GetValue(Data)!,
            Mode = mode,
            FeedMode = mode == RunMode.Run ? result.GetValue(Mode) : null,
            AllowMassDelete = mode == RunMode.Run && result.GetValue(AllowMassDelete),
        };

        var openStore = mode == RunMode.Run ? ProductStores.Factory(result.GetValue(StoreOptions.Store)) : null;
        var runner = new PipelineRunner(logging.CreateLogger<PipelineRunner>(), openStore: openStore);
        var report = await runner.RunAsync(pipeline, options, cancellationToken).ConfigureAwait(false);
        return await WriteOutcomeAsync(report, mode, result.GetValue(Json)).ConfigureAwait(false);
    }

    /// <summary>Prints a run's result (text or JSON) and its failure line, and returns its exit code.</summary>
    public static async Task<int> WriteOutcomeAsync(Reports.QualityReport report, RunMode mode, bool json)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (json)
        {
            await using var stdout = Console.OpenStandardOutput();
            RunResultWriter.WriteJson(report, stdout);
        }
        else
        {
            RunResultWriter.WriteText(report, Console.Out);
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

        var errors = report.Run.Counts.Rejected > 0 || report.Issues.Any(i => i.Severity == Severity.Error) || report.IssuesTotal > report.Issues.Count;
        return mode == RunMode.Validate && errors ? ExitCodes.ValidationErrors : ExitCodes.Completed;
    }
}
