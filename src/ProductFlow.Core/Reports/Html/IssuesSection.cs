using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProductFlow.Model;

namespace ProductFlow.Reports.Html;

/// <summary>The issues table: the first issues as a JSON data block, shown, filtered, sorted and paged by the page's script.</summary>
internal static class IssuesSection
{
    /// <summary>Rows per page of the table.</summary>
    public const int PageSize = 100;

    // Values and messages are clipped in the page (issues.csv has them whole), so one huge cell cannot bloat it.
    private const int ValueChars = 300;
    private const int MessageChars = 600;

    private static readonly string[] Columns = ["severity", "rule", "sku", "line", "column", "field", "value", "channel", "message"];

    public static void Write(TextWriter writer, QualityReport report)
    {
        var embedded = report.Issues.Count;
        writer.Write("<section id=\"issues\" aria-labelledby=\"h-issues\">\n<h2 id=\"h-issues\">Issues</h2>\n<p class=\"note\" id=\"issues-note\">");
        if (report.IssuesTotal > embedded)
        {
            writer.Write($"This page holds the <strong>first {HtmlText.Number(embedded)}</strong> of <strong>{HtmlText.Number(report.IssuesTotal)}</strong> issues, in feed order; ");
            writer.Write("<a href=\"issues.csv\">issues.csv</a> has all of them. ");
        }
        else
        {
            writer.Write($"All {HtmlText.Number(report.IssuesTotal)} issues of the run, in feed order; also in <a href=\"issues.csv\">issues.csv</a>. ");
        }

        writer.Write("Rejected rows, in the supplier's own columns with their reasons: <a href=\"rejected.csv\">rejected.csv</a>.</p>\n");
        writer.Write("<div class=\"controls\" id=\"issues-controls\" hidden>\n");
        writer.Write("<label for=\"filter-rule\">Rule<select id=\"filter-rule\"><option value=\"\">all rules</option></select></label>\n");
        writer.Write("<label for=\"filter-severity\">Severity<select id=\"filter-severity\"><option value=\"\">all</option><option value=\"error\">error</option><option value=\"warning\">warning</option></select></label>\n");
        writer.Write("<label for=\"filter-text\">Search<input id=\"filter-text\" type=\"search\" placeholder=\"SKU, value, message…\" autocomplete=\"off\"></label>\n");
        writer.Write("<p id=\"issues-status\" class=\"note\" aria-live=\"polite\"></p>\n</div>\n");
        writer.Write("<noscript><p class=\"note\">The issues table needs JavaScript; issues.csv has every issue.</p></noscript>\n");
        writer.Write("<table id=\"issues-table\">\n<thead><tr>");
        Header(writer, "severity", "Severity", "");
        Header(writer, "rule", "Rule", "");
        Header(writer, "sku", "SKU", "");
        Header(writer, "line", "Line", "num");
        Header(writer, "column", "Column", "");
        Header(writer, "value", "Value", "");
        Header(writer, "message", "Message", "");
        writer.Write("</tr></thead>\n<tbody></tbody>\n</table>\n");
        writer.Write("<div class=\"pager\"><button type=\"button\" id=\"page-prev\">Previous</button><span id=\"page-label\"></span><button type=\"button\" id=\"page-next\">Next</button></div>\n");
        writer.Write("<script type=\"application/json\" id=\"issues-data\">");
        WriteData(writer, report.Issues, report.IssuesTotal);
        writer.Write("</script>\n</section>\n");
    }

    /// <summary>Writes the issues as JSON that is safe inside a script element: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and U+2029 are escaped.</summary>
    internal static void WriteData(TextWriter writer, IReadOnlyList<Issue> issues, long total)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("total", total);
            json.WriteNumber("pageSize", PageSize);
            json.WriteStartArray("columns");
            foreach (var column in Columns)
            {
                json.WriteStringValue(column);
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var issue in issues)
            {
                json.WriteStartArray();
                json.WriteStringValue(issue.Severity.Code());
                json.WriteStringValue(issue.Rule);
                Optional(json, issue.Sku);
                if (issue.Line is { } line)
                {
                    json.WriteNumberValue(line);
                }
                else
                {
                    json.WriteNullValue();
                }

                Optional(json, issue.Column);
                Optional(json, issue.Field);
                Optional(json, HtmlText.Clip(issue.Value, ValueChars));
                Optional(json, issue.Channel);
                json.WriteStringValue(HtmlText.Clip(issue.Message, MessageChars));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        WriteScriptSafe(writer, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Escapes the characters that could end a script element or a JavaScript line inside JSON text.</summary>
    /// <remarks>In JSON these characters can only occur inside strings, where a <c>\uXXXX</c> escape means the same.</remarks>
    internal static void WriteScriptSafe(TextWriter writer, string json)
    {
        var start = 0;
        for (var i = 0; i < json.Length; i++)
        {
            var escape = json[i] switch
            {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                _ => null,
            };
            if (escape is not null)
            {
                writer.Write(json.AsSpan(start, i - start));
                writer.Write(escape);
                start = i + 1;
            }
        }

        writer.Write(json.AsSpan(start));
    }

    private static void Header(TextWriter writer, string key, string label, string className) =>
        writer.Write($"<th data-key=\"{key}\" class=\"{className}\" scope=\"col\"><button type=\"button\">{label}</button></th>");

    private static void Optional(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
