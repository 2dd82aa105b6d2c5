using System.Text;
using ProductFlow.Connectors;

namespace ProductFlow.Pipelines.Transforms;

/// <summary>A value made of several columns of a row: <c>{Navn} ({Farge})</c>. Parsed once per run, bound to the columns once per feed header.</summary>
/// <remarks>
/// A column is named in braces as the feed's header writes it (matched trimmed and case-insensitively, like every mapped column);
/// <c>{{</c> and <c>}}</c> write a brace. An empty cell writes nothing; when every cell it names is empty, the template gives no value.
/// </remarks>
internal sealed class RowTemplate
{
    // Literal text, and the column after it (null after the last literal).
    private readonly (string Text, string? Column)[] _parts;

    private RowTemplate((string, string?)[] parts)
    {
        _parts = parts;
        Columns = parts.Select(p => p.Item2).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The columns the template names, each once, in the order written.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <exception cref="ArgumentException">The text names no column, or a brace is not closed or closes nothing.</exception>
    public static RowTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<(string, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new ArgumentException($"the '}}' at character {i + 1} closes nothing (write }}}} for a brace)");
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = text.IndexOfAny(['{', '}'], i + 1);
            if (end < 0 || text[end] == '{')
            {
                throw new ArgumentException($"the '{{' at character {i + 1} is not closed (write {{{{ for a brace)");
            }

            var column = text[(i + 1)..end].Trim();
            if (column.Length == 0)
            {
                throw new ArgumentException($"the '{{}}' at character {i + 1} names no column");
            }

            parts.Add((literal.ToString(), column));
            literal.Clear();
            i = end;
        }

        if (parts.Count == 0)
        {
            throw new ArgumentException("the template names no column in braces, such as {Navn}: use 'constant' for a fixed text");
        }

        parts.Add((literal.ToString(), null));
        return new RowTemplate(parts.ToArray());
    }

    /// <summary>The template bound to a feed's header: column indexes resolved once.</summary>
    public Bound Bind(FeedHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var indexes = _parts.Select(p => p.Column is null ? -1 : header.IndexOf(p.Column)).ToArray();
        var names = Columns.Select(c => header.IndexOf(c) is var i and >= 0 ? header.Columns[i] : c);
        return new Bound(this, indexes, string.Join(" + ", names));
    }

    /// <summary>A template bound to a header.</summary>
    /// <param name="Template">The template.</param>
    /// <param name="Indexes">The column index of each of its parts (-1 for the literal after the last column, or a column the header lacks).</param>
    /// <param name="Display">The columns it reads, as the header writes them (<c>Navn + Farge</c>): the column of the values it makes, in lineage and issues.</param>
    internal sealed record Bound(RowTemplate Template, int[] Indexes, string Display)
    {
        /// <summary>The text of <paramref name="row"/>; <c>null</c> when every cell the template names is empty.</summary>
        public string? Render(SourceRow row)
        {
            var builder = new StringBuilder();
            var any = false;
            var parts = Template._parts;
            for (var i = 0; i < parts.Length; i++)
            {
                builder.Append(parts[i].Text);
                if (Indexes[i] >= 0 && row[Indexes[i]] is { Length: > 0 } cell)
                {
                    builder.Append(cell);
                    any = true;
                }
            }

            return any ? builder.ToString() : null;
        }
    }
}
