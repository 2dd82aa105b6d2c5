using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Commands;
using ProductFlow.Cli.Extensions;

namespace ProductFlow.Cli;

/// <summary>The <c>productflow</c> command line: parses, runs a command, and maps every failure to a documented exit code and one line on stderr.</summary>
internal static class ProductFlowCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        using var logging = Logging.CreateFactory();
        var root = new RootCommand("ProductFlow: product-data pipelines from supplier feeds to controlled channel exports.")
        {
            RunCommands.Run(logging),
            RunCommands.Validate(logging),
            HistoryCommands.History(),
            RunsCommands.Runs(),
            QuarantineCommands.Quarantine(logging),
            StoreCommands.Store(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command == root ? "" : parsed.CommandResult.Command.Name + " ";
            // An unknown word explains more than the "required command" error it also causes.
            var first = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            await error.WriteLineAsync($"productflow: {first.Message} (hint: 'productflow {command}--help' shows the usage)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
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

    private static string OneLine(ProductFlowException e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return e.Hint is null ? $"productflow: {message}" : $"productflow: {message} (hint: {e.Hint})";
    }
}
