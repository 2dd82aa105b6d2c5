using ProductFlow.Store;

namespace ProductFlow.Reports.Html;

/// <summary>The summary: the figures (each marked <c>data-count</c> for machines), the run and its feed, and a failure.</summary>
internal static class SummarySection
{
    public static void Write(TextWriter writer, QualityReport report)
    {
        var run = report.Run;
        var counts = run.Counts;
        writer.Write("<section id=\"summary\" aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\">Summary <span class=\"status status-");
        var status = run.Status.ToString().ToLowerInvariant();
        HtmlText.Write(writer, status);
        writer.Write("\" id=\"run-status\">");
        HtmlText.Write(writer, status);
        writer.Write("</span></h2>\n<div class=\"figures\">\n");
        Figure(writer, "read", "Rows read", counts.Read, "");
        Figure(writer, "accepted", "Accepted", counts.Accepted, "good");
        Figure(writer, "rejected", "Rejected", counts.Rejected, counts.Rejected > 0 ? "error" : "");
        Figure(writer, "warnings", "Warnings", counts.Warnings, counts.Warnings > 0 ? "warning" : "");
        Figure(writer, "issues", "Issues", report.IssuesTotal, "");
        if (counts.Skipped > 0)
        {
            Figure(writer, "skipped", "Empty rows skipped", counts.Skipped, "");
        }

        writer.Write("</div>\n");
        if (report.Failure is { } failure)
        {
            writer.Write("<div class=\"failure\" id=\"failure\"><strong>The run failed:</strong> ");
            HtmlText.Write(writer, failure.Message);
            if (failure.Line is { } line)
            {
                writer.Write(" (reading stopped at line ");
                HtmlText.Write(writer, HtmlText.Number(line));
                writer.Write(")");
            }

            writer.Write(". Nothing from this feed was stored.</div>\n");
        }

        writer.Write("<dl class=\"facts\">\n");
        Fact(writer, "Pipeline", run.Pipeline);
        Fact(writer, "Run id", run.Id, "mono");
        Fact(writer, "Mode", Outcome(report));
        Fact(writer, "Started", HtmlText.Time(run.Started));
        if (run.Finished is { } finished)
        {
            Fact(writer, "Duration", HtmlText.Duration(finished - run.Started));
        }

        Fact(writer, "Feed", run.Feed.Name);
        Fact(writer, "Feed size", HtmlText.Bytes(run.Feed.Size) + " (" + HtmlText.Number(run.Feed.Size) + " bytes)");
        Fact(writer, "Feed SHA-256", run.Feed.Sha256.Length == 0 ? "(not readable)" : run.Feed.Sha256, "mono");
        if (run.Status == RunStatus.Completed && report.Mode == "run")
        {
            Fact(writer, "Changed", HtmlText.Number(counts.Changed) + " stored products got a new version");
        }

        foreach (var (channel, rows) in report.Published)
        {
            Fact(writer, "Published", HtmlText.Number(rows) + " rows to " + channel);
        }

        writer.Write("<dt>Files</dt><dd><a href=\"report.json\">report.json</a> · <a href=\"issues.csv\">issues.csv</a> (every issue) · ");
        writer.Write("<a href=\"rejected.csv\">rejected.csv</a> (rejected rows in the supplier's columns, to hand back)</dd>\n");
        writer.Write("</dl>\n</section>\n");
    }

    private static void Figure(TextWriter writer, string name, string label, long value, string tone)
    {
        writer.Write("<div class=\"figure ");
        writer.Write(tone);
        writer.Write("\"><span class=\"label\">");
        writer.Write(label);
        writer.Write("</span><span class=\"value\" data-count=\"");
        writer.Write(name);
        writer.Write("\" data-value=\"");
        writer.Write(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.Write("\">");
        writer.Write(HtmlText.Number(value));
        writer.Write("</span></div>\n");
    }

    private static void Fact(TextWriter writer, string term, string value, string? className = null)
    {
        writer.Write("<dt>");
        HtmlText.Write(writer, term);
        writer.Write(className is null ? "</dt><dd>" : $"</dt><dd class=\"{className}\">");
        HtmlText.Write(writer, value);
        writer.Write("</dd>\n");
    }

    /// <summary>What the run did, in its mode's words: <c>run: stored, publication scheduled</c>.</summary>
    internal static string Outcome(QualityReport report) => report switch
    {
        { Mode: "validate" } => "validate: checked only, nothing stored or published",
        { Run.Status: Store.RunStatus.Failed } => $"{report.Mode}: failed, nothing stored",
        { Publications.Count: > 0 } => $"{report.Mode}: stored and published",
        _ => $"{report.Mode}: stored, publication scheduled",
    } + (report.Mode == "replay" ? " (a partial run of quarantined rows)" : "");
}
