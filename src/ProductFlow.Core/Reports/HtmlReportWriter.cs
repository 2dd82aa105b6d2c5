using System.Text;
using ProductFlow.Reports.Html;

namespace ProductFlow.Reports;

/// <summary>Writes report.html: the run's quality report for people, one self-contained file beside report.json.</summary>
/// <remarks>
/// Everything is inline (CSS, SVG charts, the script of the issues table); the page loads nothing, and its
/// Content-Security-Policy lets only its own script run. Every value is HTML-escaped, inside the embedded JSON too.
/// The page embeds the first <see cref="IssueLog.EmbeddedLimit"/> issues and links issues.csv for all of them, so its
/// size stays bounded whatever the number of issues; aggregates (by rule, field, column) count every issue.
/// </remarks>
public static class HtmlReportWriter
{
    public const string FileName = "report.html";

    /// <summary>The report's stylesheet: the visual language other pages of ProductFlow (the steward console) share.</summary>
    public static string Stylesheet => HtmlAssets.Css;

    /// <summary>The Content-Security-Policy report.html carries in its page, for a server to send as a header with it (its own script, by hash).</summary>
    public static string ContentSecurityPolicy => HtmlAssets.ContentSecurityPolicy;

    /// <summary>Writes the report to <paramref name="path"/>, compared with the previous run of the pipeline found beside it.</summary>
    public static void Write(QualityReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var comparison = RunComparison.Find(report);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        Write(report, comparison, writer);
    }

    /// <summary>Writes the report; <paramref name="comparison"/> is <c>null</c> when there is no previous run.</summary>
    public static void Write(QualityReport report, RunComparison? comparison, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var run = report.Run;
        writer.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        writer.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        writer.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
        HtmlText.Write(writer, HtmlAssets.ContentSecurityPolicy);
        writer.Write("\">\n<meta name=\"generator\" content=\"ProductFlow\">\n<link rel=\"icon\" href=\"data:,\">\n<title>");
        HtmlText.Write(writer, $"Quality report · {run.Pipeline} · {run.Id}");
        writer.Write("</title>\n<style>\n");
        writer.Write(HtmlAssets.Css);
        writer.Write("</style>\n</head>\n<body>\n<header class=\"top\">\n<h1>Quality report: ");
        HtmlText.Write(writer, run.Pipeline);
        writer.Write("</h1>\n<span class=\"sub\">run <span class=\"mono\" id=\"run-id\">");
        HtmlText.Write(writer, run.Id);
        writer.Write("</span> · ");
        HtmlText.Write(writer, report.Mode);
        writer.Write(" · ");
        HtmlText.Write(writer, HtmlText.Time(run.Started));
        writer.Write("</span>\n</header>\n<main>\n");
        SummarySection.Write(writer, report);
        ChangeSection.Write(writer, report, comparison);
        ChartsSection.Write(writer, report);
        IssuesSection.Write(writer, report);
        writer.Write("<footer>Written by ProductFlow. One self-contained file: it loads nothing; print it or mail it as it is.</footer>\n");
        writer.Write("</main>\n<script>");
        writer.Write(HtmlAssets.Script);
        writer.Write("</script>\n</body>\n</html>\n");
    }
}
