using System.Globalization;

namespace ProductFlow.Reports.Html;

/// <summary>A horizontal bar chart as inline SVG: one labelled bar per item, longest bar = largest count.</summary>
internal static class SvgBarChart
{
    private const int Width = 560;
    private const int LabelWidth = 190;
    private const int CountWidth = 70;
    private const int RowHeight = 24;
    private const int LabelChars = 28;

    public static void Write(TextWriter writer, string id, string title, IReadOnlyList<KeyValuePair<string, long>> items, string barClass)
    {
        if (items.Count == 0)
        {
            writer.Write("<p class=\"none\">None.</p>\n");
            return;
        }

        var max = Math.Max(1, items.Max(i => i.Value));
        var height = (items.Count * RowHeight) + 4;
        writer.Write(Invariant($"<svg class=\"chart\" id=\"{id}\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" aria-label=\""));
        HtmlText.Write(writer, title);
        writer.Write("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>");
        HtmlText.Write(writer, title);
        writer.Write("</title>\n");
        var barSpace = Width - LabelWidth - CountWidth;
        for (var i = 0; i < items.Count; i++)
        {
            var (label, count) = items[i];
            var y = (i * RowHeight) + 2;
            var bar = Math.Max(2, (int)Math.Round(barSpace * (double)count / max));
            writer.Write(Invariant($"<g data-label=\""));
            HtmlText.Write(writer, label);
            writer.Write(Invariant($"\" data-value=\"{count}\"><title>"));
            HtmlText.Write(writer, label + ": " + HtmlText.Number(count));
            writer.Write(Invariant($"</title><text x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">"));
            HtmlText.Write(writer, HtmlText.Clip(label, LabelChars));
            writer.Write(Invariant($"</text><rect class=\"{barClass}\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{bar}\" height=\"{RowHeight - 8}\" rx=\"3\"/>"));
            writer.Write(Invariant($"<text class=\"count\" x=\"{LabelWidth + bar + 6}\" y=\"{y + 16}\">{HtmlText.Number(count)}</text></g>\n"));
        }

        writer.Write("</svg>\n");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
