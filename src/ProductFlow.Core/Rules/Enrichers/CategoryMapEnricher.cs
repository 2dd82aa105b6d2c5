using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Enricher <c>categoryMap</c>: maps the record's categories to a channel's taxonomy; the first category found in the map sets the attribute.</summary>
/// <remarks>
/// When the enricher's channel has a category tree (<paramref name="tree"/>), the channel needs the mapping: a record none of
/// whose categories is in the map gets <c>category.unmapped</c>, an error on that channel only (it is stored and published elsewhere).
/// </remarks>
internal sealed class CategoryMapEnricher(EnrichOptions options, string? tree) : IRule
{
    private readonly ValueScope _scope = new(options.Locale, options.Channel);
    private readonly ValueOrigin _origin = ValueOrigin.FromRule(options.Id ?? "categoryMap");

    public void Apply(MappedRecord record, RuleContext context)
    {
        var categories = record.Record.Categories;
        foreach (var category in categories)
        {
            if (options.Map.TryGetValue(category, out var mapped))
            {
                _scope.Set(record.Record, options.Attribute!, mapped, _origin);
                return;
            }
        }

        if (tree is not null)
        {
            var which = categories.Count == 0 ? "the record has no category" : $"no category of the record ({string.Join(", ", categories)}) is mapped";
            context.Report(record, RuleIds.CategoryUnmapped, Severity.Error, $"{which} to channel {options.Channel}'s category tree '{tree}'", field: "categories", channel: options.Channel);
        }
    }
}
