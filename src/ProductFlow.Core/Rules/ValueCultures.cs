using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Primitives;

namespace ProductFlow.Rules;

/// <summary>The number format of each mapped value: its mapping's (<c>mapping.values[].culture</c>, separators), else the source's, else invariant.</summary>
internal sealed class ValueCultures
{
    private readonly NumberCulture? _source;
    private readonly Dictionary<(string Attribute, string? Locale, string? Channel, string? Currency), NumberCulture> _values = [];

    private ValueCultures(NumberCulture? source) => _source = source;

    /// <summary>No format declared: every number invariant.</summary>
    public static ValueCultures Invariant { get; } = new(null);

    public static ValueCultures Of(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var source = definition.Source;
        var cultures = new ValueCultures(NumberCulture.From(source.Culture, source.DecimalSeparator, source.ThousandsSeparator));
        foreach (var value in definition.Mapping.Values)
        {
            if (value.Attribute is { } attribute && NumberCulture.From(value.Culture, value.DecimalSeparator, value.ThousandsSeparator) is { } culture)
            {
                cultures._values.TryAdd((attribute, value.Locale, value.Channel, value.Currency), culture);
            }
        }

        return cultures;
    }

    /// <summary>The format <paramref name="value"/> is written in; null for invariant.</summary>
    public NumberCulture? For(in ValueCell value) =>
        _values.Count > 0 && _values.TryGetValue((value.Attribute, value.Locale, value.Channel, value.Currency), out var culture) ? culture : _source;
}
