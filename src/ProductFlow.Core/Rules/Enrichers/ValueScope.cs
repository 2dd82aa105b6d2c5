using ProductFlow.Model;

namespace ProductFlow.Rules.Enrichers;

/// <summary>The scope (locale, channel) an enricher reads and writes.</summary>
internal readonly record struct ValueScope(string? Locale, string? Channel)
{
    public bool Contains(ProductValue value) =>
        (Locale is null || value.Locale is null || string.Equals(value.Locale, Locale, StringComparison.Ordinal))
        && (Channel is null || value.Channel is null || string.Equals(value.Channel, Channel, StringComparison.Ordinal));

    /// <summary>Whether the record has a non-blank value of <paramref name="attribute"/> that this scope sees.</summary>
    public bool Has(ProductRecord record, string attribute)
    {
        foreach (var value in record.Values)
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
        var scope = this;
        var existing = record.Values.Where(v => v.Attribute == attribute && v.Locale == scope.Locale && v.Channel == scope.Channel).ToList();
        foreach (var value in existing)
        {
            record.Values.Remove(value);
        }

        record.Values.Add(new ProductValue(attribute, Locale, Channel, data, origin));
    }
}
