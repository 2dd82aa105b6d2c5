using System.Text.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>Computes what a version changed, by diffing its document against the previous version's.</summary>
public static class VersionDiff
{
    /// <summary>The pseudo-attribute of a removal (tombstone) or a return after one.</summary>
    public const string RemovedField = "removed";

    /// <summary>The changes <paramref name="current"/> made over <paramref name="previous"/> (null for version 1), in document order.</summary>
    public static IReadOnlyList<ValueChange> Changes(StoredVersion? previous, StoredVersion current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Removed)
        {
            return [new ValueChange(RemovedField, null, null, null, "false", "true", null)];
        }

        var before = previous is null ? null : ProductDocument.Read(previous.Document);
        var after = ProductDocument.Read(current.Document);
        var origins = ReadLineage(current.Lineage);
        var changes = new List<ValueChange>();
        if (previous is { Removed: true })
        {
            changes.Add(new ValueChange(RemovedField, null, null, null, "true", "false", null));
        }

        Field(changes, "parent", before?.Parent, after.Parent);
        Field(changes, "family", before?.Family, after.Family);
        Field(changes, "categories", before is null ? null : string.Join('|', before.Categories), string.Join('|', after.Categories));
        Field(changes, "enabled", before is null ? null : Bool(before.Enabled), Bool(after.Enabled));

        var old = new Dictionary<(string, string?, string?, string?), ProductValue>();
        foreach (var value in before?.Values ?? [])
        {
            old.TryAdd(Key(value), value);
        }

        for (var i = 0; i < after.Values.Count; i++)
        {
            var value = after.Values[i];
            var key = Key(value);
            old.Remove(key, out var was);
            if (was is null || !string.Equals(was.Data, value.Data, StringComparison.Ordinal))
            {
                changes.Add(new ValueChange(value.Attribute, value.Locale, value.Channel, value.Currency, was?.Data, value.Data, i < origins.Count ? origins[i] : null));
            }
        }

        foreach (var removed in old.Values)
        {
            changes.Add(new ValueChange(removed.Attribute, removed.Locale, removed.Channel, removed.Currency, removed.Data, null, null));
        }

        return changes;
    }

    private static (string, string?, string?, string?) Key(ProductValue value) => (value.Attribute, value.Locale, value.Channel, value.Currency);

    private static string Bool(bool value) => value ? "true" : "false";

    private static void Field(List<ValueChange> changes, string name, string? old, string? now)
    {
        if (!string.Equals(old, now, StringComparison.Ordinal) && !(old is null && now is "" or null))
        {
            changes.Add(new ValueChange(name, null, null, null, old, now, null));
        }
    }

    /// <summary>The origins of a version's values, in stored order (aligned with its document's values).</summary>
    public static List<ValueOrigin?> ReadLineage(byte[] lineage) => LineageJson.Read(lineage);
}
