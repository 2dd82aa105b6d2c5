namespace ProductFlow.Primitives;

/// <summary>A Liquid string filter without arguments that <see cref="SimpleTemplate"/> applies itself, exactly as Fluid 2.41.1 does.</summary>
/// <remarks>
/// Fluid's filters case text with the template context's culture, which is <see cref="System.Globalization.CultureInfo.InvariantCulture"/>
/// unless set (<c>TemplateOptions.CultureInfo</c>; ProductFlow never sets it), so these use the invariant casing whatever the current
/// culture. <c>capitalize</c> upper-cases the first character only, and only when it is a letter (Fluid's <c>char.IsLetter</c>, so a
/// character outside the BMP, a surrogate pair, is left as it is). The strips trim what <see cref="char.IsWhiteSpace(char)"/> calls white
/// space, as <see cref="string.Trim()"/> does. Each returns its input itself when nothing changes.
/// </remarks>
internal sealed class TextFilter
{
    private static readonly Dictionary<string, TextFilter> ByName = new(StringComparer.Ordinal)
    {
        ["capitalize"] = new(Capitalize),
        ["upcase"] = new(static text => text.ToUpperInvariant()),
        ["downcase"] = new(static text => text.ToLowerInvariant()),
        ["strip"] = new(static text => text.Trim()),
        ["lstrip"] = new(static text => text.TrimStart()),
        ["rstrip"] = new(static text => text.TrimEnd()),
    };

    private readonly Func<string, string> _apply;

    private TextFilter(Func<string, string> apply) => _apply = apply;

    /// <summary>The filter Fluid knows as <paramref name="name"/> (names are case-sensitive), if it is one of these.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TextFilter? filter) =>
        ByName.TryGetValue(name, out filter);

    public string Apply(string text) => _apply(text);

    private static string Capitalize(string text)
    {
        if (text.Length == 0 || !char.IsLetter(text[0]) || char.ToUpperInvariant(text[0]) == text[0])
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, text) =>
        {
            text.CopyTo(span);
            span[0] = char.ToUpperInvariant(text[0]);
        });
    }
}
