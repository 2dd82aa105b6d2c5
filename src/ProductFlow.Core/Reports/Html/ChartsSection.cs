using System.Globalization;

namespace ProductFlow.Reports.Html;

/// <summary>Completeness per channel and locale, issues by rule and by field (SVG bar charts), and the top offending columns.</summary>
internal static class ChartsSection
{
    private const int TopFields = 15;
    private const int TopColumns = 10;

    public static void Write(TextWriter writer, QualityReport report)
    {
        WriteCompleteness(writer, report);
        writer.Write("<section id=\"breakdown\" aria-labelledby=\"h-breakdown\">\n<h2 id=\"h-breakdown\">Where the issues are</h2>\n<div class=\"grid2\">\n");
        writer.Write("<div>\n<h3>Issues by rule</h3>\n");
        SvgBarChart.Write(writer, "chart-rules", "Issues by rule", Top(report.IssuesByRule, int.MaxValue), "bar-error");
        writer.Write("</div>\n<div>\n<h3>Issues by field</h3>\n");
        SvgBarChart.Write(writer, "chart-fields", "Issues by field", Top(report.IssuesByField, TopFields), "bar-field");
        if (report.IssuesByField.Count > TopFields)
        {
            writer.Write($"<p class=\"note\">The {TopFields} fields with most issues, of {HtmlText.Number(report.IssuesByField.Count)}.</p>\n");
        }

        writer.Write("</div>\n</div>\n");
        WriteColumns(writer, report);
        writer.Write("</section>\n");
    }

    private static void WriteCompleteness(TextWriter writer, QualityReport report)
    {
        writer.Write("<section id=\"completeness\" aria-labelledby=\"h-completeness\">\n<h2 id=\"h-completeness\">Completeness per channel and locale</h2>\n");
        if (report.Completeness.Count == 0)
        {
            writer.Write("<p class=\"none\">The pipeline feeds no channel.</p>\n</section>\n");
            return;
        }

        writer.Write("<table id=\"completeness-table\">\n<thead><tr><th>Channel</th><th>Locale</th><th>Required attributes present</th><th class=\"num\">Mean</th><th class=\"num\">Complete products</th></tr></thead>\n<tbody>\n");
        foreach (var item in report.Completeness)
        {
            if (item.Records == 0)
            {
                // No accepted record's family requires anything for this channel: a share of 0 required attributes is no measure.
                writer.Write("<tr><td>");
                HtmlText.Write(writer, item.Channel);
                writer.Write("</td><td>");
                HtmlText.Write(writer, item.Locale);
                writer.Write("</td><td colspan=\"3\" class=\"none\" data-ratio=\"none\">no requirements: no accepted product's family sets required attributes for this channel</td></tr>\n");
                continue;
            }

            var percent = Math.Round(item.Ratio * 100, 2).ToString("0.##", CultureInfo.InvariantCulture);
            writer.Write("<tr><td>");
            HtmlText.Write(writer, item.Channel);
            writer.Write("</td><td>");
            HtmlText.Write(writer, item.Locale);
            writer.Write($"</td><td><div class=\"bar{(item.Ratio < 0.9 ? " low" : "")}\" role=\"img\" aria-label=\"{percent} %\"><span style=\"width:{percent}%\"></span></div></td>");
            writer.Write($"<td class=\"num\" data-ratio=\"{item.Ratio.ToString("0.####", CultureInfo.InvariantCulture)}\">{HtmlText.Percent(item.Ratio)}</td>");
            writer.Write($"<td class=\"num\">{HtmlText.Number(item.Complete)} of {HtmlText.Number(item.Records)}</td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n<p class=\"note\">Accepted products whose family sets requirements for the channel; the bar is the mean share of required attributes present.</p>\n</section>\n");
    }

    private static void WriteColumns(TextWriter writer, QualityReport report)
    {
        writer.Write("<h3>Top offending columns</h3>\n");
        var columns = Top(report.IssuesByColumn, TopColumns);
        if (columns.Count == 0)
        {
            writer.Write("<p class=\"none\">No issue points at a source column.</p>\n");
            return;
        }

        var max = Math.Max(1, columns[0].Value);
        writer.Write("<table id=\"columns-table\">\n<thead><tr><th>Column (as the feed names it)</th><th class=\"num\">Issues</th><th>Share</th></tr></thead>\n<tbody>\n");
        foreach (var (column, count) in columns)
        {
            var width = (100.0 * count / max).ToString("0.#", CultureInfo.InvariantCulture);
            writer.Write("<tr><td class=\"mono\">");
            HtmlText.Write(writer, column);
            writer.Write($"</td><td class=\"num\">{HtmlText.Number(count)}</td><td><div class=\"bar low\"><span style=\"width:{width}%\"></span></div></td></tr>\n");
        }

        writer.Write("</tbody>\n</table>\n");
    }

    private static List<KeyValuePair<string, long>> Top(SortedDictionary<string, long> counts, int take) =>
        counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(take).ToList();
}
