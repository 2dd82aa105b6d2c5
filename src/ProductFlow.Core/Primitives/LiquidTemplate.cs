using System.Text.RegularExpressions;
using Fluid;

namespace ProductFlow.Primitives;

/// <summary>Liquid templates (Fluid) as ProductFlow uses them: the <c>template</c> enricher, a Google Merchant channel's <c>link</c>.</summary>
/// <remarks>
/// A template is parsed once per run; the parser is shared (Fluid's parser is thread-safe once built). It is built on first use
/// (building it is ~0.1 s of a run's start), so a run whose templates are all rendered without Fluid never builds it.
/// </remarks>
public static partial class LiquidTemplate
{
    private static readonly Lazy<FluidParser> Parser = new(() => new FluidParser());

    /// <exception cref="ArgumentException">The template is not valid Liquid.</exception>
    public static IFluidTemplate Parse(string text) =>
        Parser.Value.TryParse(text, out var template, out var error) ? template : throw new ArgumentException(error, nameof(text));

    /// <summary>Checks that <paramref name="text"/> is valid Liquid, as <see cref="Parse"/> judges it, with the same error.</summary>
    /// <remarks>A template of the simple form (<see cref="SimpleTemplate"/>) is valid Liquid, so only another is parsed by Fluid.</remarks>
    /// <exception cref="ArgumentException">The template is not valid Liquid.</exception>
    public static void Check(string text)
    {
        if (SimpleTemplate.TryParse(text, Variables(text)) is null)
        {
            Parse(text);
        }
    }

    /// <summary>The variables a template outputs with <c>{{ }}</c>, each once.</summary>
    public static string[] Variables(string text) =>
        OutputVariable().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\{-?\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex OutputVariable();
}
