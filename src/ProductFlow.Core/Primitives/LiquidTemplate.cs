using System.Text.RegularExpressions;
using Fluid;

namespace ProductFlow.Primitives;

/// <summary>Liquid templates (Fluid) as ProductFlow uses them: the <c>template</c> enricher, a Google Merchant channel's <c>link</c>.</summary>
/// <remarks>A template is parsed once per run; the parser is shared (Fluid's parser is thread-safe once built).</remarks>
public static partial class LiquidTemplate
{
    private static readonly FluidParser Parser = new();

    /// <exception cref="ArgumentException">The template is not valid Liquid.</exception>
    public static IFluidTemplate Parse(string text) =>
        Parser.TryParse(text, out var template, out var error) ? template : throw new ArgumentException(error, nameof(text));

    /// <summary>The variables a template outputs with <c>{{ }}</c>, each once.</summary>
    public static string[] Variables(string text) =>
        OutputVariable().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex OutputVariable();
}
