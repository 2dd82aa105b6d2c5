using ProductFlow.Channels;

namespace ProductFlow.Publishing;

/// <summary>What changed on a channel between two published versions, from their state files: records added, changed or removed.</summary>
/// <remarks>Both state files are in channel order (<see cref="ChannelOrder"/>), so the two are merged as they stream: one row of each
/// in memory, whatever the channel's size. A changed record comes with every field it has now and the names of those that changed.</remarks>
public static class SnapshotDiff
{
    public static IEnumerable<SnapshotChange> Changes(IEnumerable<SnapshotRow> before, IEnumerable<SnapshotRow> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        using var old = before.GetEnumerator();
        using var now = after.GetEnumerator();
        var a = old.MoveNext() ? old.Current : null;
        var b = now.MoveNext() ? now.Current : null;
        while (a is not null || b is not null)
        {
            var order = a is null ? 1 : b is null ? -1 : SnapshotRow.Compare(a, b);
            if (order < 0)
            {
                yield return new SnapshotChange(ChannelChangeKind.Removed, a!, []);
                a = old.MoveNext() ? old.Current : null;
            }
            else if (order > 0)
            {
                yield return new SnapshotChange(ChannelChangeKind.Added, b!, b!.Fields.Select(f => f.Key).ToList());
                b = now.MoveNext() ? now.Current : null;
            }
            else
            {
                var changed = SnapshotRow.Changes(a!, b!);
                if (changed.Count > 0)
                {
                    yield return new SnapshotChange(ChannelChangeKind.Changed, b!, changed.Select(c => c.Field).ToList());
                }

                a = old.MoveNext() ? old.Current : null;
                b = now.MoveNext() ? now.Current : null;
            }
        }
    }
}

/// <summary>One record's change between two versions: the row as it is now (as it was, for a removal) and the fields that changed.</summary>
public sealed record SnapshotChange(ChannelChangeKind Kind, SnapshotRow Row, IReadOnlyList<string> ChangedFields);
