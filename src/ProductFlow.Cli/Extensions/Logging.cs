using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace ProductFlow.Cli.Extensions;

/// <summary>Serilog for the CLI: everything on stderr, so stdout carries only the command's result.</summary>
/// <remarks>Warnings and errors by default, so a failure is one line; run details and progress with --verbose; errors only with --quiet.</remarks>
internal static class Logging
{
    public static ILoggerFactory CreateFactory(LoggingLevelSwitch level)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.ControlledBy(level)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        return new SerilogLoggerFactory(logger, dispose: true);
    }
}
