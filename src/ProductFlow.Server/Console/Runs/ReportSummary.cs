using System.Text.Json;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Runs;

/// <summary>What the run page shows of a run's report.json: its mode, counts, issues by rule, publications and failure.</summary>
public sealed record ReportSummary(
    string Pipeline, string Mode, string Status, RunCounts Counts, IReadOnlyList<KeyValuePair<string, long>> IssuesByRule,
    IReadOnlyList<PublicationLine> Publications, string? Failure)
{
    public bool IsValidation => Mode == "validate";

    /// <summary>Reads report.json; null when it is not one (a report written by another version may lack a part: that part is empty).</summary>
    public static async Task<ReportSummary?> ReadAsync(Stream json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "pipeline") is not { } pipeline)
        {
            return null;
        }

        var counts = new RunCounts();
        if (root.TryGetProperty("counts", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            counts.Read = Number(c, "read");
            counts.Accepted = Number(c, "accepted");
            counts.Rejected = Number(c, "rejected");
            counts.Warnings = Number(c, "warnings");
            counts.Changed = Number(c, "changed");
            counts.Removed = Number(c, "removed");
            counts.Skipped = Number(c, "skipped");
        }

        var rules = root.TryGetProperty("issuesByRule", out var r) && r.ValueKind == JsonValueKind.Object
            ? r.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.TryGetInt64(out var n) ? n : 0)).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList()
            : [];
        var publications = root.TryGetProperty("publications", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(e => new PublicationLine(
                Text(e, "channel") ?? "", e.TryGetProperty("published", out var published) && published.ValueKind == JsonValueKind.True,
                e.TryGetProperty("version", out var v) && v.TryGetInt32(out var version) ? version : null,
                Number(e, "records"), Number(e, "added"), Number(e, "changed"), Number(e, "removed"), Text(e, "refused"))).ToList()
            : [];
        var failure = root.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object ? Text(f, "message") : null;
        return new ReportSummary(pipeline, Text(root, "mode") ?? "run", Text(root, "status") ?? "", counts, rules, publications, failure);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : 0;
}

/// <summary>One channel's publication by a run: published (a new version) or not, its figures, or why a guard refused it.</summary>
public sealed record PublicationLine(string Channel, bool Published, int? Version, long Records, long Added, long Changed, long Removed, string? Refused);
