using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProductFlow.Server;
using ProductFlow.Server.Jobs;
using ProductFlow.Server.Logging;

namespace ProductFlow.Cli.Commands;

/// <summary>Starts the worker host and runs it until SIGTERM or Ctrl+C.</summary>
internal static class WorkerAction
{
    public static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var queues = result.GetValue(WorkerCommand.Queues)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = queues.Where(q => !JobQueues.All.Contains(q, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0 || queues.Length == 0)
        {
            await Console.Error.WriteLineAsync($"productflow: --queues takes {string.Join(", ", JobQueues.All)}, not '{string.Join(",", unknown)}'").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var options = new WorkerOptions
        {
            Queues = queues,
            Workers = result.GetValue(WorkerCommand.Workers),
            DataDirectory = result.GetValue(ServeCommand.Data),
            LogFormat = result.GetValue(ServeCommand.LogFormat) == "json" ? LogFormat.Json : LogFormat.Text,
        };
        try
        {
            using var host = WorkerHost.Build(options);
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Completed;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"productflow: configuration: {string.Join("; ", e.Failures)} (hint: docs/configuration.md lists every key)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }
}
