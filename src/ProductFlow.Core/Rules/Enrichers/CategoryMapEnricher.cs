using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Enricher <c>categoryMap</c>: maps the record's categories to a channel's taxonomy; the first category found in the map sets the attribute.</summary>
internal sealed class CategoryMapEnricher(EnrichOptions options) : IRule
{
    private readonly ValueScope _scope = new(options.Locale, options.Channel);
    private readonly ValueOrigin _origin = ValueOrigin.FromRule(options.Id ?? "categoryMap");

    public void Apply(MappedRecord record, RuleContext context)
    {
        foreach (var category in record.Record.Categories)
        {
            if (options.Map.TryGetValue(category, out var mapped))
            {
                _scope.Set(record.Record, options.Attribute!, mapped, _origin);
                return;
            }
        }
    }
}
