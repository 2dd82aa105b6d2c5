using ProductFlow.Catalog;
using ProductFlow.Expressions;
using ProductFlow.Model;

namespace ProductFlow.Rules.Checks;

/// <summary>Which values of a record a check reads: the channel view's resolved value when the check names a channel, else every value of the attribute (in the check's locale, if any).</summary>
internal sealed class CheckScope(ChannelView? view, string? locale)
{
    public string? Channel => view?.Channel.Code;

    public IEnumerable<ProductValue> Values(ProductRecord record, string attribute)
    {
        if (view is not null)
        {
            if (view.Resolve(record, attribute) is { } resolved)
            {
                yield return resolved;
            }

            yield break;
        }

        foreach (var value in record.Values)
        {
            if (string.Equals(value.Attribute, attribute, StringComparison.Ordinal)
                && (locale is null || value.Locale is null || string.Equals(value.Locale, locale, StringComparison.Ordinal)))
            {
                yield return value;
            }
        }
    }

    /// <summary>Whether the record has a non-blank value of <paramref name="attribute"/> in this scope.</summary>
    public bool Has(ProductRecord record, string attribute)
    {
        if (view is not null)
        {
            return !string.IsNullOrWhiteSpace(view.Resolve(record, attribute)?.Data);
        }

        foreach (var value in record.Values)
        {
            if (string.Equals(value.Attribute, attribute, StringComparison.Ordinal)
                && (locale is null || value.Locale is null || string.Equals(value.Locale, locale, StringComparison.Ordinal))
                && !string.IsNullOrWhiteSpace(value.Data))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The field lookup of expressions: record fields, then the attribute's values (multi-selects split).</summary>
    public FieldLookup Lookup(ProductRecord record) => field => field switch
    {
        "sku" => [record.Sku],
        "parent" => record.Parent is null ? [] : [record.Parent],
        "family" => record.Family is null ? [] : [record.Family],
        "categories" => record.Categories.ToList(),
        "groups" => record.Groups.ToList(),
        "enabled" => [record.Enabled ? "true" : "false"],
        _ => Values(record, field).SelectMany(v => v.Data.Split(',')).Where(v => v.Length > 0).ToList(),
    };
}
