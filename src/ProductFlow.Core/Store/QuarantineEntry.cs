namespace ProductFlow.Store;

/// <summary>A rejected record kept by a run: its line, SKU (when it had one), issues and source fields (both JSON).</summary>
public sealed record QuarantineEntry(string RunId, long Line, string? Sku, string Issues, string Source);
