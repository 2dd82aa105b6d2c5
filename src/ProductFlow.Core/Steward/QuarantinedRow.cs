using System.Text.Json;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Steward;

/// <summary>A SKU's open quarantine entry as <c>explain</c> and the console tell it: the run that rejected the row, its feed and line, and the issues.</summary>
public sealed record QuarantinedRow(string RunId, string? Feed, long Line, IReadOnlyList<Issue> Issues)
{
    /// <summary>The SKU's open entry (there is one at most: a later run closes the earlier ones), or null.</summary>
    public static async Task<QuarantinedRow?> FindAsync(IProductStore store, string sku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await foreach (var entry in store.ReadQuarantineAsync(false, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(entry.Sku, sku, StringComparison.Ordinal))
            {
                var run = await store.FindRunAsync(entry.RunId, cancellationToken).ConfigureAwait(false);
                return new QuarantinedRow(entry.RunId, run?.Feed.Name, entry.Line, IssuesOf(entry));
            }
        }

        return null;
    }

    /// <summary>The issues that rejected the row (record-level errors), for the channels' verdicts.</summary>
    public IReadOnlyList<Issue> Rejecting => Issues.Where(i => i.Severity == Severity.Error && i.Channel is null).ToList();

    /// <summary>Where the row was: <c>supplier.csv line 12</c>.</summary>
    public string Where => $"{Feed ?? "feed"} line {Line}";

    /// <summary>The issues an entry keeps (its JSON), as issues of its SKU and line.</summary>
    public static IReadOnlyList<Issue> IssuesOf(QuarantineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var json = JsonDocument.Parse(entry.Issues);
        return json.RootElement.EnumerateArray().Select(i => new Issue(
            Text(i, "severity") == "warning" ? Severity.Warning : Severity.Error, Text(i, "rule") ?? "", Text(i, "message") ?? "")
        {
            Sku = entry.Sku,
            Line = entry.Line,
            Column = Text(i, "column"),
            Field = Text(i, "field"),
            Value = Text(i, "value"),
        }).ToList();
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
