using ProductFlow.Catalog;
using ProductFlow.Expressions;
using ProductFlow.Model;

namespace ProductFlow.Rules.Checks;

/// <summary>Which values of a record a check reads: the channel view's resolved value when the check names a channel, else every value of the attribute (in the check's locale, if any).</summary>
/// <remarks>Checks run on every row: reading values through this scope allocates nothing.</remarks>
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

    /// <summary>The fields of expressions on <paramref name="record"/>: record fields, then the attribute's values (multi-selects split).</summary>
    public Fields FieldsOf(ProductRecord record) => new(this) { Record = record };

    /// <summary>Whether any value of an expression's field passes <paramref name="test"/>: a record field, else the attribute's values in
    /// this scope, each split at <c>,</c>, without empty parts (the codes of a multi-select), read as spans of the value.</summary>
    private bool Any(ProductRecord record, string field, ValueTest test, IFieldValues fields)
    {
        switch (field)
        {
            case "sku":
                return test.Holds(record.Sku, fields);
            case "parent":
                return record.Parent is not null && test.Holds(record.Parent, fields);
            case "family":
                return record.Family is not null && test.Holds(record.Family, fields);
            case "categories":
                return AnyOf(record.Categories, test, fields);
            case "groups":
                return AnyOf(record.Groups, test, fields);
            case "enabled":
                return test.Holds(record.Enabled ? "true" : "false", fields);
        }

        foreach (var value in Values(record, field))
        {
            foreach (var range in value.Data.AsSpan().Split(','))
            {
                var part = value.Data.AsSpan(range);
                if (part.Length > 0 && test.Holds(part, fields))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AnyOf(IReadOnlyList<string> values, ValueTest test, IFieldValues fields)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (test.Holds(values[i], fields))
            {
                return true;
            }
        }

        return false;
    }

    private bool Includes(in ValueCell value, string attribute) =>
        string.Equals(value.Attribute, attribute, StringComparison.Ordinal)
        && (locale is null || value.Locale is null || string.Equals(value.Locale, locale, StringComparison.Ordinal));

    /// <summary>The fields of expressions on one record; a check keeps one and sets the record it checks (a rule sees one record at a time).</summary>
    public sealed class Fields(CheckScope scope) : IFieldValues
    {
        public ProductRecord? Record { get; set; }

        public bool Any(string field, ValueTest test) => scope.Any(Record!, field, test, this);
    }

    /// <summary>The values of one attribute in a scope, enumerated without allocating.</summary>
    public struct ScopedValues(CheckScope scope, ProductRecord record, string attribute)
    {
        private int _index = -1;
        private ValueCell _current;

        public readonly ValueCell Current => _current;

        public readonly ScopedValues GetEnumerator() => this;

        public bool MoveNext()
        {
            if (scope._view is not null)
            {
                // The view resolves at most one value: the first step finds it, or finds there is none.
                _current = _index++ < 0 ? scope._view.ResolveCell(record, attribute) : default;
                return !_current.IsEmpty;
            }

            var values = record.Values.Cells;
            while (++_index < values.Length)
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
