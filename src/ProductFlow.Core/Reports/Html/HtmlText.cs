using System.Globalization;

namespace ProductFlow.Reports.Html;

/// <summary>Writes text into HTML safely and formats figures the same way everywhere in the report (and in the console, which shares its look).</summary>
public static class HtmlText
{
    /// <summary>Writes <paramref name="text"/> HTML-escaped: safe in element content and in double- or single-quoted attributes.</summary>
    public static void Write(TextWriter writer, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is not null)
            {
                writer.Write(text.AsSpan(start, i - start));
                writer.Write(entity);
                start = i + 1;
            }
        }

        writer.Write(text.AsSpan(start));
    }

    public static string Encode(string? text)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, text);
        return writer.ToString();
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => Number(bytes) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
    };

    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        < 60 => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        _ => ((long)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min " + duration.Seconds.ToString(CultureInfo.InvariantCulture) + " s",
    };

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Shortens a long text for display, with an ellipsis; the full text stays in issues.csv.</summary>
    public static string? Clip(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "\u2026");
}
