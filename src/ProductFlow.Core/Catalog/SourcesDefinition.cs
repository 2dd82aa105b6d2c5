namespace ProductFlow.Catalog;

/// <summary>The catalog's <c>sources</c>: which source wins an attribute when several feeds carry the same product.</summary>
/// <remarks>
/// A source is a pipeline, by name. <see cref="Precedence"/> maps an attribute code (or <c>*</c>, every other
/// attribute) to its sources, the strongest first: <c>{"price": ["erp", "supplier"], "*": ["supplier", "erp"]}</c>.
/// A source the list does not name ranks after every named one; two sources of equal rank: the latest run wins.
/// Default: no precedence, so the latest run wins every attribute.
/// </remarks>
public sealed class SourcesDefinition
{
    /// <summary>The key of the list that applies to attributes without their own.</summary>
    public const string Others = "*";

    public static readonly SourcesDefinition None = new();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Precedence { get; set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The rank of <paramref name="source"/> for <paramref name="attribute"/>: 0 is the strongest; unnamed sources rank last (<see cref="int.MaxValue"/>).</summary>
    public int Rank(string attribute, string? source)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (!Precedence.TryGetValue(attribute, out var sources) && !Precedence.TryGetValue(Others, out sources))
        {
            return int.MaxValue;
        }

        for (var i = 0; i < sources.Count; i++)
        {
            if (string.Equals(sources[i], source, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
