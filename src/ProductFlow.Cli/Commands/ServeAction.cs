using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProductFlow.Server;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Logging;

namespace ProductFlow.Cli.Commands;

/// <summary>Starts the host <c>serve</c> describes and runs it until SIGTERM or Ctrl+C; a bad setting stops it with one line naming the key.</summary>
internal static class ServeAction
{
    public static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = new ServeOptions
        {
            Mode = result.GetValue(ServeCommand.Embedded) ? HostMode.Embedded : HostMode.Service,
            Urls = result.GetValue(ServeCommand.Urls)!,
            DataDirectory = result.GetValue(ServeCommand.Data),
            LogFormat = result.GetValue(ServeCommand.LogFormat) == "json" ? LogFormat.Json : LogFormat.Text,
        };

        try
        {
            var app = ServerHost.Build(options);
            await using (app.ConfigureAwait(false))
            {
                await app.RunAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Completed;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"productflow: configuration: {string.Join("; ", e.Failures)} (hint: docs/configuration.md lists every key)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"productflow: cannot listen on {options.Urls}: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return ExitCodes.Infrastructure;
        }
    }
}
