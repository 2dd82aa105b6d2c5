using Fluid;
using Fluid.Values;

namespace ProductFlow.Primitives;

/// <summary>A Liquid template parsed once per run, rendered for each record from the values of its <see cref="Variables"/>.</summary>
/// <remarks>
/// A template of only text and <c>{{ variable }}</c> outputs, each optionally through argument-less string filters
/// (<c>capitalize</c>, <c>upcase</c>, <c>downcase</c>, <c>strip</c>, <c>lstrip</c>, <c>rstrip</c>; see <see cref="SimpleTemplate"/>),
/// is rendered by concatenation, giving exactly the text Fluid gives: values are strings, written as they are (Fluid's
/// <c>Render(context)</c> encodes nothing), filtered as Fluid's filters do with its invariant culture, and a missing value writes
/// nothing. Any other template is rendered by Fluid.
/// Not thread-safe: each rule or writer keeps its own, as a run uses them one record at a time.
/// </remarks>
public sealed class CompiledTemplate
{
    private readonly SimpleTemplate? _simple;
    private readonly IFluidTemplate? _fluid;

    // One context for every render: each render sets every variable first, so nothing leaks between records.
    private readonly TemplateContext? _context;

    private CompiledTemplate(string text)
    {
        // A template of the simple form is valid Liquid (CompiledTemplateTests hold it against Fluid's parser), so Fluid parses
        // only the others: a template is valid exactly when Fluid says so, with Fluid's error, and Fluid's parser is built only
        // when a template needs it.
        Variables = LiquidTemplate.Variables(text);
        _simple = SimpleTemplate.TryParse(text, Variables);
        if (_simple is null)
        {
            _fluid = LiquidTemplate.Parse(text);
            _context = new TemplateContext();
        }
    }

    /// <summary>The variables the template outputs with <c>{{ }}</c>, each once, in order of first use: what <see cref="Render"/> takes values for.</summary>
    public string[] Variables { get; }

    /// <summary>Whether the template is rendered without Fluid (only text and <c>{{ variable }}</c>, optionally through <c>| capitalize</c> and the like).</summary>
    public bool IsSimple => _simple is not null;

    /// <summary>Whether every render has text besides white space, whatever the values: a simple template with literal text that is not all white space.</summary>
    /// <remarks>A check that only asks whether a rendering would be blank can then skip rendering it.</remarks>
    public bool AlwaysHasText => _simple?.HasText == true;

    /// <exception cref="ArgumentException">The template is not valid Liquid.</exception>
    public static CompiledTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CompiledTemplate(text);
    }

    /// <summary>Renders the template with <paramref name="values"/>, one per <see cref="Variables"/> in that order; <c>null</c> is no value.</summary>
    public string Render(string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Variables.Length)
        {
            throw new ArgumentException($"the template takes {Variables.Length} values, not {values.Length}", nameof(values));
        }

        return _simple is not null ? _simple.Render(values) : RenderWithFluid(values);
    }

    private string RenderWithFluid(string?[] values)
    {
        var context = _context!;
        for (var i = 0; i < Variables.Length; i++)
        {
            if (values[i] is { } value)
            {
                context.SetValue(Variables[i], value);
            }
            else
            {
                context.SetValue(Variables[i], NilValue.Instance);
            }
        }

        return _fluid!.Render(context);
    }
}
