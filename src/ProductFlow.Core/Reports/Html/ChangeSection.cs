namespace ProductFlow.Reports.Html;

/// <summary>The change against the previous run of the same pipeline and kind (run, validate, replay), or a plain statement that there is none.</summary>
internal static class ChangeSection
{
    public static void Write(TextWriter writer, QualityReport report, RunComparison? comparison)
    {
        writer.Write("<section id=\"change\" aria-labelledby=\"h-change\">\n<h2 id=\"h-change\">Change against the previous run</h2>\n");
        if (comparison is null)
        {
            writer.Write("<p class=\"none\" id=\"no-previous\">No previous <strong>");
            HtmlText.Write(writer, report.Mode);
            writer.Write("</strong> run of pipeline <strong>");
            HtmlText.Write(writer, report.Run.Pipeline);
            writer.Write("</strong> in this data folder: there is nothing to compare with (runs are compared with runs of the same kind only).</p>\n</section>\n");
            return;
        }

        writer.Write("<div class=\"figures\">\n");
        Figure(writer, "new", "New issues", HtmlText.Number(comparison.NewIssues), "change-new");
        Figure(writer, "fixed", "Fixed issues", HtmlText.Number(comparison.FixedIssues), "change-fixed");
        var delta = comparison.AcceptedDelta;
        Figure(writer, "accepted", "Accepted rows", delta == 0 ? "\u00b10" : (delta > 0 ? "+" : "\u2212") + HtmlText.Number(Math.Abs(delta)), "");
        writer.Write("</div>\n<p class=\"note\">Compared with the previous run of the same kind (<strong>");
        HtmlText.Write(writer, comparison.Mode);
        writer.Write("</strong>): <a class=\"mono\" id=\"previous-run\" href=\"../");
        HtmlText.Write(writer, comparison.PreviousRunId);
        writer.Write("/report.html\">");
        HtmlText.Write(writer, comparison.PreviousRunId);
        writer.Write("</a> (");
        HtmlText.Write(writer, comparison.PreviousStatus);
        writer.Write(", started ");
        HtmlText.Write(writer, HtmlText.Time(comparison.PreviousStarted));
        writer.Write("). Issues are matched by rule, SKU and field: a new issue was not in the previous run, a fixed one is gone.");
        if (comparison.Partial)
        {
            writer.Write(" <strong>Partial:</strong> one of the runs has more issues than its report.json embeds, so only the first ");
            writer.Write(HtmlText.Number(ReportJsonWriter.EmbeddedLimit));
            writer.Write(" of each are compared.");
        }

        writer.Write("</p>\n</section>\n");
    }

    private static void Figure(TextWriter writer, string name, string label, string value, string tone)
    {
        writer.Write($"<div class=\"figure {tone}\"><span class=\"label\">{label}</span><span class=\"value\" data-change=\"{name}\">");
        HtmlText.Write(writer, value);
        writer.Write("</span></div>\n");
    }
}
