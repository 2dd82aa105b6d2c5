namespace ProductFlow.Store;

/// <summary>One version of a product as stored: the run that wrote it, when, its canonical document and its lineage blob.</summary>
/// <remarks><see cref="Lineage"/> is the JSON array aligned with the document's sorted values (see <see cref="ProductDocument"/>). <see cref="Removed"/> marks a tombstone: the version a full run wrote when its feed no longer carried the SKU.</remarks>
public sealed record StoredVersion(int Version, string RunId, DateTimeOffset At, byte[] Document, byte[] Lineage, bool Removed = false);
