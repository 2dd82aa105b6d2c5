using ProductFlow.Model;

namespace ProductFlow.Rules.Enrichers;

/// <summary>The scope (locale, channel) an enricher reads and writes.</summary>
internal readonly record struct ValueScope(string? Locale, string? Channel)
{
    public bool Contains(in ValueCell value) =>
        (Locale is null || value.Locale is null || string.Equals(value.Locale, Locale, StringComparison.Ordinal))
        && (Channel is null || value.Channel is null || string.Equals(value.Channel, Channel, StringComparison.Ordinal));

    /// <summary>Whether the record has a non-blank value of <paramref name="attribute"/> that this scope sees.</summary>
    public bool Has(ProductRecord record, string attribute)
    {
        foreach (ref readonly var value in record.Values.Cells)
        {
            if (string.Equals(value.Attribute, attribute, StringComparison.Ordinal) && Contains(value) && !string.IsNullOrWhiteSpace(value.Data))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets <paramref name="attribute"/> in exactly this scope, replacing a value of exactly this scope.</summary>
    public void Set(ProductRecord record, string attribute, string data, ValueOrigin origin)
    {
        // From the end, so removing keeps the indexes still to read; enrichers run on every row, so no query, no copy.
        var values = record.Values;
        for (var i = values.Count - 1; i >= 0; i--)
        {
            ref readonly var value = ref values.Cells[i];
            if (value.Attribute == attribute && value.Locale == Locale && value.Channel == Channel)
            {
                values.RemoveAt(i);
            }
        }

        values.Add(new ValueCell(ValueSlot.Of(attribute, Locale, Channel, currency: null), data, unit: null, origin));
    }
}
