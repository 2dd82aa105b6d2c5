
namespace ProductFlow.Pipelines;

/// <summary>How one canonical field or attribute value is taken from the feed.</summary>
/// <remarks>
/// Exactly one of <see cref="Column"/>, <see cref="Constant"/> and <see cref="Template"/> is set (the loader says so).
/// The text read then goes through <see cref="Pattern"/> and the <see cref="Transform"/> steps, in that order, and last
/// through <see cref="Map"/>, which replaces whole values, matched case-insensitively after trimming (<c>Blk</c> -> <c>black</c>).
/// An empty result means "no value" unless <see cref="OnEmpty"/> is <c>keep</c>.
/// </remarks>
public sealed class ColumnMapping
{
    public string? Column { get; init; }

    public string? Constant { get; init; }

    /// <summary>Instead of a column: a value made of several columns, each named in braces (<c>{Navn} ({Farge})</c>; <c>{{</c> and <c>}}</c> write braces).</summary>
    public string? Template { get; init; }

    /// <summary>A regular expression the text read must match: the value is its first group, or the whole match without groups; no match gives no value.</summary>
    public string? Pattern { get; init; }

    /// <summary>The transformation steps applied to the text, in order (after <see cref="Pattern"/>, before <see cref="Map"/>).</summary>
    public IReadOnlyList<TransformOptions> Transform { get; set; } = [];

    /// <summary>The attribute a value mapping fills (only under <c>mapping.values</c>).</summary>
    public string? Attribute { get; init; }

    public string? Locale { get; init; }

    public string? Channel { get; init; }

    public string? Currency { get; init; }

    /// <summary>For a metric: the unit of the column's numbers (<c>kg</c>), when the feed does not say it per row.</summary>
    public string? Unit { get; init; }

    /// <summary>For a metric: the column that holds each row's unit.</summary>
    public string? UnitColumn { get; init; }

    public IReadOnlyDictionary<string, string> Map { get; set; } = new Dictionary<string, string>();

    /// <summary>How the column writes numbers (<c>nb-NO</c>), over the source's <c>culture</c>; see <see cref="Primitives.NumberCulture"/>.</summary>
    public string? Culture { get; init; }

    /// <summary>The decimal separator of the column's numbers, over its culture's.</summary>
    public string? DecimalSeparator { get; init; }

    /// <summary>The thousands separator of the column's numbers (empty for none), over its culture's.</summary>
    public string? ThousandsSeparator { get; init; }

    /// <summary><c>skip</c> (default): an empty cell gives no value; <c>keep</c>: it gives an empty value.</summary>
    public string OnEmpty { get; set; } = "skip";

    /// <summary>For <c>categories</c> and multi-selects: the separator between codes. Default <c>,</c>.</summary>
    public string Separator { get; set; } = ",";
}
