using Fluid;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Primitives;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Enricher <c>template</c>: renders a Liquid template (Fluid) of the record's values into an attribute, such as <c>{{ brand }} {{ name }} – {{ color }}</c>.</summary>
/// <remarks>
/// Parsed once per run. Variables are record fields (<c>sku</c>, <c>parent</c>, <c>family</c>) and attributes, resolved
/// for the enricher's locale and channel. When a variable output by <c>{{ }}</c> has no value, the attribute is
/// not set and a warning <c>template.missing-value</c> names it: half a title is worse than none.
/// </remarks>
internal sealed class TemplateEnricher : IRule
{
    private readonly EnrichOptions _options;
    private readonly IFluidTemplate _template;
    private readonly string[] _variables;
    private readonly ValueScope _scope;
    private readonly ValueOrigin _origin;

    // One context for every record: each render sets every variable it outputs first, so nothing leaks between records.
    private readonly TemplateContext _model = new();

    public TemplateEnricher(EnrichOptions options)
    {
        _options = options;
        _template = LiquidTemplate.Parse(options.Template!);
        _variables = LiquidTemplate.Variables(options.Template!);
        _scope = new ValueScope(options.Locale, options.Channel);
        _origin = ValueOrigin.FromRule(options.Id ?? "template");
    }

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        var model = _model;
        foreach (var variable in _variables)
        {
            var value = variable switch
            {
                "sku" => product.Sku,
                "parent" => product.Parent,
                "family" => product.Family,
                _ => product.Resolve(variable, _options.Channel, _options.Locale)?.Data,
            };
            if (string.IsNullOrEmpty(value))
            {
                context.Report(record, RuleIds.TemplateMissingValue, Severity.Warning, $"template for '{_options.Attribute}' needs '{variable}', which has no value", field: variable);
                return;
            }

            model.SetValue(variable, value);
        }

        _scope.Set(product, _options.Attribute!, _template.Render(model).Trim(), _origin);
    }
}
