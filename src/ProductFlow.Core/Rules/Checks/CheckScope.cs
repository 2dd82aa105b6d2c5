using ProductFlow.Catalog;
using ProductFlow.Expressions;
using ProductFlow.Model;

namespace ProductFlow.Rules.Checks;

/// <summary>Which values of a record a check reads: the channel view's resolved value when the check names a channel, else every value of the attribute (in the check's locale, if any).</summary>
/// <remarks>Checks run on every row: reading values through this scope allocates nothing but the lists an expression asks for.</remarks>
internal sealed class CheckScope(ChannelView? view, string? locale)
{
    private readonly ChannelView? _view = view;

    public string? Channel => _view?.Channel.Code;

    public ScopedValues Values(ProductRecord record, string attribute) => new(this, record, attribute);

    /// <summary>Whether the record has a non-blank value of <paramref name="attribute"/> in this scope.</summary>
    public bool Has(ProductRecord record, string attribute)
    {
        foreach (var value in Values(record, attribute))
        {
            if (!string.IsNullOrWhiteSpace(value.Data))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The field lookup of expressions: record fields, then the attribute's values (multi-selects split).</summary>
    public FieldLookup Lookup(ProductRecord record) => field => FieldValues(record, field);

    /// <summary>The values of an expression's field: a record field, else the attribute's values (multi-selects split).</summary>
    public IReadOnlyList<string> FieldValues(ProductRecord record, string field) => field switch
    {
        "sku" => [record.Sku],
        "parent" => record.Parent is null ? [] : [record.Parent],
        "family" => record.Family is null ? [] : [record.Family],
        "categories" => record.Categories.ToList(),
        "groups" => record.Groups.ToList(),
        "enabled" => [record.Enabled ? "true" : "false"],
        _ => SplitValues(record, field),
    };

    private bool Includes(ProductValue value, string attribute) =>
        string.Equals(value.Attribute, attribute, StringComparison.Ordinal)
        && (locale is null || value.Locale is null || string.Equals(value.Locale, locale, StringComparison.Ordinal));

    /// <summary>The attribute's values in this scope, each split at <c>,</c>, without empty parts.</summary>
    private List<string> SplitValues(ProductRecord record, string attribute)
    {
        var parts = new List<string>();
        foreach (var value in Values(record, attribute))
        {
            if (!value.Data.Contains(','))
            {
                if (value.Data.Length > 0)
                {
                    parts.Add(value.Data);
                }

                continue;
            }

            foreach (var part in value.Data.Split(','))
            {
                if (part.Length > 0)
                {
                    parts.Add(part);
                }
            }
        }

        return parts;
    }

    /// <summary>The values of one attribute in a scope, enumerated without allocating.</summary>
    public struct ScopedValues(CheckScope scope, ProductRecord record, string attribute)
    {
        private int _index = -1;
        private ProductValue? _current;

        public readonly ProductValue Current => _current!;

        public readonly ScopedValues GetEnumerator() => this;

        public bool MoveNext()
        {
            if (scope._view is not null)
            {
                // The view resolves at most one value: the first step finds it, or finds there is none.
                _current = _index++ < 0 ? scope._view.Resolve(record, attribute) : null;
                return _current is not null;
            }

            var values = record.Values;
            while (++_index < values.Count)
            {
                if (scope.Includes(values[_index], attribute))
                {
                    _current = values[_index];
                    return true;
                }
            }

            return false;
        }
    }
}
