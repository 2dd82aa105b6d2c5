using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Commands;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using Serilog.Core;
using Serilog.Events;

namespace ProductFlow.Cli;

/// <summary>The <c>productflow</c> command line: parses, runs a command, and maps every failure to a documented exit code and one line on stderr.</summary>
internal static class ProductFlowCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        var level = new LoggingLevelSwitch(LogEventLevel.Warning);
        using var logging = Logging.CreateFactory(level);
        var root = new RootCommand("ProductFlow: product-data pipelines from supplier feeds to controlled channel exports.")
        {
            RunCommands.Run(logging),
            RunCommands.Validate(logging),
            TestCommand.Create(logging),
            SchemaCommands.Create(),
            InitCommand.Create(),
            DoctorCommand.Create(),
            InspectCommand.Create(),
            CatalogCommands.Create(),
            HistoryCommands.History(),
            ExplainCommand.Create(),
            RunsCommands.Runs(),
            QuarantineCommands.Quarantine(logging),
            StoreCommands.Store(),
            PublishCommands.Publish(logging),
            PublishCommands.Preview(),
            PartnerCommands.Partner(),
            SupplierCommands.Supplier(),
            UserCommands.User(),
            EventsCommands.Events(),
            ServeCommand.Create(),
            WorkerCommand.Create(),
            SchedulesCommands.Create(logging),
        };
        HelpExamples.Install(root);
        root.Options.Add(GlobalOptions.Quiet);
        root.Options.Add(GlobalOptions.Verbose);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = CommandPath(parsed.CommandResult);
            // An unknown word explains more than the "required command" error it also causes.
            var first = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            await error.WriteLineAsync($"productflow: {first.Message} (hint: 'productflow {command}--help' shows the usage)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        GlobalOptions.Apply(parsed, level);
        try
        {
            // serve and worker are generic hosts: SIGTERM is theirs to handle (a graceful stop that lets jobs finish), not a 2-second exit.
            var host = parsed.CommandResult.Command.Name is "serve" or "worker";
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            if (host)
            {
                invocation.ProcessTerminationTimeout = null;
            }

            return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (PipelineDefinitionException e)
        {
            // Every problem at once, each on its line, so a steward fixes them in one go; the hint once, after the last.
            for (var i = 0; i < e.Problems.Count; i++)
            {
                var line = $"productflow: {e.Problems[i].ToString().ReplaceLineEndings(" ")}";
                await error.WriteLineAsync(i == e.Problems.Count - 1 && e.Hint is { } hint ? $"{line} (hint: {hint})" : line).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }
        catch (ProductFlowException e)
        {
            await error.WriteLineAsync(OneLine(e)).ConfigureAwait(false);
            return e switch
            {
                InfrastructureException => ExitCodes.Infrastructure,
                FeedReadException => ExitCodes.FeedUnreadable,
                _ => ExitCodes.Usage,
            };
        }
        catch (System.Data.Common.DbException e)
        {
            // The store failed after it opened (e.g. the server went away mid-run): infrastructure, one line, nothing committed.
            await error.WriteLineAsync($"productflow: the product store failed: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitCodes.Infrastructure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("productflow: cancelled").ConfigureAwait(false);
            return 130;
        }
    }

    /// <summary>The words that name a command below the root, such as <c>schema test </c>.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new List<string>();
        for (; result?.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return names.Count == 0 ? "" : string.Join(' ', names) + " ";
    }

    private static string OneLine(ProductFlowException e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return e.Hint is null ? $"productflow: {message}" : $"productflow: {message} (hint: {e.Hint})";
    }
}
