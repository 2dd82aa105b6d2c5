using System.Buffers;
using System.Globalization;
using System.Text;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Enricher <c>normalize</c>: whitespace, Unicode normal form and case of text values; a value it changes records it in its origin.</summary>
internal sealed class NormalizeEnricher(EnrichOptions options) : IRule
{
    private static readonly SearchValues<char> BelowCombiningMarks = SearchValues.Create(string.Concat(Enumerable.Range(0, 0x300).Select(c => (char)c)));
    private static readonly SearchValues<char> OddSpaces = SearchValues.Create("\t\r\u00A0");

    private readonly string _rule = options.Id ?? "normalize";
    private readonly SlotTable<bool> _normalized = new(slot => options.Attributes.Contains(slot.Attribute));
    private readonly NormalizationForm? _form = options.Unicode.ToUpperInvariant() switch
    {
        "NFC" => NormalizationForm.FormC,
        "NFKC" => NormalizationForm.FormKC,
        _ => null,
    };

    public void Apply(MappedRecord record, RuleContext context)
    {
        var values = record.Record.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values.Cells[i];
            if (!_normalized[value.Slot])
            {
                continue;
            }

            var normalized = Normalize(value.Data);
            if (!string.Equals(normalized, value.Data, StringComparison.Ordinal))
            {
                values.Set(i, value.ChangedBy(_rule, normalized));
            }
        }
    }

    public string Normalize(string text)
    {
        if (_form is { } form && !IsNormalizedAsIs(text, form) && !text.IsNormalized(form))
        {
            text = text.Normalize(form);
        }

        if (options.Whitespace && NeedsSpaceWork(text))
        {
            text = CollapseSpaces(text);
        }

        return options.Case switch
        {
            "lower" => text.ToLowerInvariant(),
            "upper" => text.ToUpperInvariant(),
            "title" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant()),
            _ => text,
        };
    }

    /// <summary>Whether <paramref name="text"/> is in <paramref name="form"/> by its characters alone, so most values skip the
    /// normalisation check (which allocates on every call): text below U+0300 is in NFC (each such character is its own
    /// composition and none combines: combining marks start at U+0300), ASCII text in NFKC too.</summary>
    private static bool IsNormalizedAsIs(string text, NormalizationForm form) =>
        form == NormalizationForm.FormC ? !text.AsSpan().ContainsAnyExcept(BelowCombiningMarks) : Ascii.IsValid(text);

    /// <summary>Whether <see cref="CollapseSpaces"/> would change anything: most values are already clean, and cost a few vectorised scans.</summary>
    /// <remarks>It would when the text starts or ends with a space or a line break, holds a tab, a carriage return or a no-break space, or
    /// two spaces, or a space beside a line break.</remarks>
    private static bool NeedsSpaceWork(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (IsSpace(text[0]) || IsSpace(text[^1]) || text[0] == '\n' || text[^1] == '\n')
        {
            return true;
        }

        var span = text.AsSpan();
        return span.ContainsAny(OddSpaces) || span.Contains("  ", StringComparison.Ordinal)
            || span.Contains(" \n", StringComparison.Ordinal) || span.Contains("\n ", StringComparison.Ordinal);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\u00A0';

    /// <summary>Trims each line and collapses runs of spaces, tabs and no-break spaces inside it; line breaks stay.</summary>
    private static string CollapseSpaces(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var builder = new StringBuilder(text.Length);
        for (var l = 0; l < lines.Length; l++)
        {
            var space = false;
            foreach (var c in lines[l].Trim())
            {
                if (c is ' ' or '\t' or '\u00A0')
                {
                    space = true;
                    continue;
                }

                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }

            if (l < lines.Length - 1)
            {
                builder.Append('\n');
            }
        }

        return builder.ToString().Trim('\n');
    }
}
