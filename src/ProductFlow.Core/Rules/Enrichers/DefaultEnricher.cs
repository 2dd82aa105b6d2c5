using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Enricher <c>default</c>: gives an attribute a value when the record has none (blank counts as none) in the scope.</summary>
internal sealed class DefaultEnricher(EnrichOptions options) : IRule
{
    private readonly ValueScope _scope = new(options.Locale, options.Channel);
    private readonly ValueOrigin _origin = ValueOrigin.FromRule(options.Id ?? "default");

    public void Apply(MappedRecord record, RuleContext context)
    {
        if (!_scope.Has(record.Record, options.Attribute!))
        {
            _scope.Set(record.Record, options.Attribute!, options.Value!, _origin);
        }
    }
}
