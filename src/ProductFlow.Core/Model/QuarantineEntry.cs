
namespace ProductFlow.Model;

/// <summary>A rejected record kept by a run: its line, SKU (when it had one), issues and source fields (both JSON).</summary>
/// <remarks>
/// An entry is open until a later run accepts its SKU (a new feed or a replay) or rejects it again (a SKU has one open entry, the
/// latest); <see cref="ClosedBy"/> names that run.
/// </remarks>
public sealed record QuarantineEntry(string RunId, long Line, string? Sku, string Issues, string Source, string? ClosedBy = null);
