using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Primitives;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Enricher <c>template</c>: renders a Liquid template (<see cref="CompiledTemplate"/>) of the record's values into an attribute, such as <c>{{ brand }} {{ name }} – {{ color }}</c>.</summary>
/// <remarks>
/// Parsed once per run. Variables are record fields (<c>sku</c>, <c>parent</c>, <c>family</c>) and attributes, resolved
/// for the enricher's locale and channel. When a variable output by <c>{{ }}</c> has no value, the attribute is
/// not set and a warning <c>template.missing-value</c> names it: half a title is worse than none.
/// </remarks>
internal sealed class TemplateEnricher : IRule
{
    private readonly EnrichOptions _options;
    private readonly CompiledTemplate _template;
    private readonly string?[] _values;
    private readonly ValueScope _scope;
    private readonly ValueOrigin _origin;

    public TemplateEnricher(EnrichOptions options)
    {
        _options = options;
        _template = CompiledTemplate.Parse(options.Template!);
        _values = new string?[_template.Variables.Length];
        _scope = new ValueScope(options.Locale, options.Channel);
        _origin = ValueOrigin.FromRule(options.Id ?? "template");
    }

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        var variables = _template.Variables;
        for (var i = 0; i < variables.Length; i++)
        {
            var variable = variables[i];
            var value = variable switch
            {
                "sku" => product.Sku,
                "parent" => product.Parent,
                "family" => product.Family,
                _ => product.ResolveIndex(variable, _options.Channel, _options.Locale) is >= 0 and var at ? product.Values.Cells[at].Data : null,
            };
            if (string.IsNullOrEmpty(value))
            {
                context.Report(record, RuleIds.TemplateMissingValue, Severity.Warning, $"template for '{_options.Attribute}' needs '{variable}', which has no value", field: variable);
                return;
            }

            _values[i] = value;
        }

        _scope.Set(product, _options.Attribute!, _template.Render(_values).Trim(), _origin);
    }
}
