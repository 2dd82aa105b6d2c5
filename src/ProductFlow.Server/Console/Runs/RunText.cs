using System.Globalization;
using ProductFlow.Reports.Html;
using ProductFlow.Running;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Runs;

/// <summary>How the console words a run: its status, duration and progress, in the report's formats.</summary>
public static class RunText
{
    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    public static bool IsActive(RunStatus status) => status is RunStatus.Queued or RunStatus.Running;

    public static string Duration(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Finished is { } finished ? HtmlText.Duration(finished - run.Started) : "";
    }

    /// <summary>"12,000 rows · 3,400 rows/s · 40 s left", or what is known of it.</summary>
    public static string Progress(RunProgress? progress)
    {
        if (progress is null)
        {
            return "";
        }

        var parts = new List<string> { HtmlText.Number(progress.Rows) + " rows" };
        if (progress.RowsPerSecond > 0)
        {
            parts.Add(HtmlText.Number((long)progress.RowsPerSecond) + " rows/s");
        }

        if (progress.Remaining is { } left)
        {
            parts.Add(HtmlText.Duration(left) + " left");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The share of the feed read, as a whole percentage for a progress bar; null while unknown.</summary>
    public static string? Percent(RunProgress? progress) =>
        progress?.Fraction is { } fraction ? Math.Round(fraction * 100).ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>Who asked for the run: <c>supplier:acme</c> as "supplier acme", a console user as "ada", nobody (a command or a file drop) as "inbox or command".</summary>
    public static string SubmittedBy(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.SubmittedBy switch
        {
            null => "inbox or command",
            { } by when by.StartsWith("user:", StringComparison.Ordinal) => by[5..],
            { } by when by.StartsWith("supplier:", StringComparison.Ordinal) => "supplier " + by[9..],
            { } by => by,
        };
    }
}
