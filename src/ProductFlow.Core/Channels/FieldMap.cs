namespace ProductFlow.Channels;

/// <summary>Which channel-view field feeds each field of a channel's output: the kind's defaults, overridden by the channel's <c>attributes</c> map.</summary>
/// <remarks>
/// Keys are the output's field names (Google's <c>image_link</c>, Shopify's <c>compareAtPrice</c>); values are attribute codes
/// or record fields (<c>sku</c>, <c>parent</c>, <c>family</c>, <c>categories</c>). An empty value turns a default off.
/// </remarks>
public sealed class FieldMap
{
    private readonly Dictionary<string, string> _fields;

    public FieldMap(IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string>? overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _fields = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        foreach (var (field, source) in overrides ?? new Dictionary<string, string>())
        {
            _fields[field] = source;
        }
    }

    /// <summary>The field that feeds <paramref name="field"/>, or <c>null</c> when nothing does.</summary>
    public string? this[string field] => _fields.TryGetValue(field, out var source) && source.Length > 0 ? source : null;

    /// <summary>Every field that feeds an output field.</summary>
    public IEnumerable<string> Sources => _fields.Values.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
}
