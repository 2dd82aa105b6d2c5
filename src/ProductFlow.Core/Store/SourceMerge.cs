using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>Merges a feed's record into the stored record of a product that several sources carry, value by value, by the catalog's precedence.</summary>
/// <remarks>
/// <para>The merged record is the stored values of the <em>other</em> sources plus the feed's values: for a value both
/// have (same attribute, locale, channel and currency) the stronger source wins (<see cref="SourcesDefinition.Rank"/>);
/// on equal rank the feed (the latest run) wins. The feed's source replaces its own earlier values, so a source can
/// withdraw a value it no longer sends; a value another source set is never erased by a feed that does not carry it.
/// A losing value is not kept: when the stronger source later drops its value, the weaker one fills it on its next run.</para>
/// <para>Product fields (parent, family, categories, groups, associations, enabled) come from the feed when it carries them, else stay.
/// Blocking and notes of the channels the feed's run checked come from that run: checked again on the merged record when the run gives
/// a check (<see cref="Recheck"/>), else as the run found its own half; the other channels keep theirs.</para>
/// </remarks>
public static class SourceMerge
{
    /// <summary>A stored version's record with each value's origin from its lineage; values whose lineage names no source get <paramref name="fallbackSource"/>.</summary>
    public static ProductRecord ReadStored(ReadOnlySpan<byte> document, byte[] lineage, string? fallbackSource)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        var record = ProductDocument.Read(document);
        var origins = lineage.Length == 0 ? [] : VersionDiff.ReadLineage(lineage);
        for (var i = 0; i < record.Values.Count; i++)
        {
            var origin = (i < origins.Count ? origins[i] : null) ?? new ValueOrigin();
            record.Values.Set(i, record.Values.Cells[i].WithOrigin(origin.Source is null ? origin with { Source = fallbackSource } : origin));
        }

        return record;
    }

    /// <summary>The record to store when <paramref name="source"/>'s feed sends <paramref name="incoming"/> for a product stored as <paramref name="stored"/>.</summary>
    public static ProductRecord Merge(ProductRecord stored, ProductRecord incoming, string source, SourcesDefinition precedence)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(precedence);
        var merged = new ProductRecord(incoming.Sku)
        {
            Feed = incoming.Feed,
            Line = incoming.Line,
            Parent = incoming.Parent ?? stored.Parent,
            Family = incoming.Family ?? stored.Family,
            Enabled = incoming.EnabledGiven ? incoming.Enabled : stored.Enabled,
            Notes = MergeNotes(stored.Notes, incoming.Notes),
            Categories = incoming.Categories.Count > 0 ? incoming.Categories : stored.Categories,
            Groups = incoming.Groups.Count > 0 ? incoming.Groups : stored.Groups,
            Associations = incoming.Associations.Count > 0 ? incoming.Associations : stored.Associations,
        };

        var values = new Dictionary<(string, string?, string?, string?), ProductValue>();
        foreach (var value in stored.Values.Where(v => !string.Equals(v.OriginSource, source, StringComparison.Ordinal)))
        {
            values[Key(value)] = value;
        }

        foreach (var value in incoming.Values)
        {
            var key = Key(value);
            if (values.TryGetValue(key, out var other) && precedence.Rank(value.Attribute, other.OriginSource) < precedence.Rank(value.Attribute, source))
            {
                continue;
            }

            values[key] = value.OriginSource is null ? value.WithSource(source) : value;
        }

        foreach (var value in values.Values)
        {
            merged.Values.Add(value);
        }

        return merged;
    }

    /// <summary>The stored record without <paramref name="source"/>'s values: what stays when that source's full feed no longer carries the product.</summary>
    public static ProductRecord Withdraw(ProductRecord stored, string source)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var rest = new ProductRecord(stored.Sku)
        {
            Parent = stored.Parent, Family = stored.Family, Enabled = stored.Enabled, Notes = stored.Notes,
            Categories = stored.Categories, Groups = stored.Groups, Associations = stored.Associations,
        };

        foreach (var value in stored.Values.Where(v => !string.Equals(v.OriginSource, source, StringComparison.Ordinal)))
        {
            rest.Values.Add(value);
        }

        return rest;
    }

    /// <summary>The channels a product is blocked on after a run that checked <paramref name="checkedChannels"/>: that run's verdict for them, the stored one for the others.</summary>
    public static IReadOnlyCollection<string> Blocked(IReadOnlyCollection<string> stored, IReadOnlyCollection<string> feed, IReadOnlyCollection<string> checkedChannels)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(checkedChannels);
        return feed.Union(stored.Where(c => !checkedChannels.Contains(c)), StringComparer.Ordinal).ToList();
    }

    /// <summary>Checks <paramref name="merged"/> again for the channels the run checked: their issues and completeness in its notes become
    /// the merged record's, and the channels it is blocked on are the errors of that check plus the stored ones of the other channels.</summary>
    public static IReadOnlyCollection<string> Recheck(ProductRecord merged, IReadOnlyCollection<string> storedBlocked, IReadOnlyCollection<string> checkedChannels, IMergedRecordCheck check)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(storedBlocked);
        ArgumentNullException.ThrowIfNull(checkedChannels);
        ArgumentNullException.ThrowIfNull(check);
        var verdict = check.Check(merged);
        var notes = merged.Notes;
        merged.Notes = new ProductNotes(notes.Channels, notes.Issues.Where(i => i.Channel is null || !checkedChannels.Contains(i.Channel)).Concat(verdict.Issues).ToList())
        {
            Completeness = notes.Completeness.Where(c => !checkedChannels.Contains(c.Channel)).Concat(verdict.Completeness).ToList(),
        };
        var blocked = verdict.Issues.Where(i => i.Severity == Severity.Error && i.Channel is not null).Select(i => i.Channel!);
        return Blocked(storedBlocked, blocked.Distinct(StringComparer.Ordinal).ToList(), checkedChannels);
    }

    private static ProductNotes MergeNotes(ProductNotes stored, ProductNotes feed)
    {
        var kept = stored.Issues.Where(i => i.Channel is not null && !feed.Channels.Contains(i.Channel)).ToList();
        if (kept.Count == 0 && stored.Channels.All(feed.Channels.Contains))
        {
            return feed;
        }

        return new ProductNotes(feed.Channels.Union(stored.Channels, StringComparer.Ordinal).ToList(), feed.Issues.Concat(kept).ToList());
    }

    private static (string, string?, string?, string?) Key(ProductValue value) => (value.Attribute, value.Locale, value.Channel, value.Currency);
}
