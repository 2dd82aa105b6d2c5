namespace ProductFlow.JsonSchema;

/// <summary>Options that change how a schema is loaded and compiled.</summary>
/// <remarks>
/// Defaults: <see cref="AssertFormat"/> is <c>false</c> (as draft 2020-12 prescribes, <c>format</c>
/// is only an annotation) and <see cref="ResolveDocument"/> is <c>null</c> (only the embedded
/// meta-schemas and <c>file://</c> documents on disk can be referenced). Nothing is ever fetched
/// over the network.
/// </remarks>
public sealed class SchemaOptions
{
    /// <summary>The defaults: formats are annotations, no extra documents.</summary>
    public static SchemaOptions Default { get; } = new();

    /// <summary>
    /// When <c>true</c>, <c>format</c> is an assertion for date, date-time, time, duration, email,
    /// hostname, uri, uri-reference, ipv4, ipv6, uuid, json-pointer and regex; other formats stay
    /// annotations. Default <c>false</c>.
    /// </summary>
    public bool AssertFormat { get; init; }

    /// <summary>
    /// Supplies extra documents by absolute URI (without fragment), e.g. a test serving
    /// <c>http://localhost:1234/...</c> from disk. Return <c>null</c> for an unknown URI.
    /// </summary>
    public Func<Uri, string?>? ResolveDocument { get; init; }
}
