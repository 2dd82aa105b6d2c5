using System.CommandLine;
using Serilog.Core;
using Serilog.Events;

namespace ProductFlow.Cli.Commands;

/// <summary>Options every command takes: how much to say on stderr.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only errors on stderr, and no summary (--json output is unchanged).", Recursive = true };

    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Run details and progress on stderr.", Recursive = true };

    /// <summary>Sets the log level from the parsed options: errors with --quiet, information with --verbose, else warnings.</summary>
    public static void Apply(ParseResult result, LoggingLevelSwitch level)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(level);
        level.MinimumLevel = result.GetValue(Quiet) ? LogEventLevel.Error
            : result.GetValue(Verbose) ? LogEventLevel.Information
            : LogEventLevel.Warning;
    }
}
