using System.Runtime.CompilerServices;
using ProductFlow.Channels;
using ProductFlow.Model;

namespace ProductFlow.Publishing;

/// <summary>Merges a channel's records now (from the store, in channel order) with the rows its current version published, group by group.</summary>
/// <remarks>Both sides stream in the same order (<see cref="ChannelOrder"/>), so memory holds one group, whatever the channel's size.</remarks>
public static class ChannelDiff
{
    public static async IAsyncEnumerable<GroupDiff> GroupsAsync(
        IAsyncEnumerable<ProductRecord> current, IEnumerable<SnapshotRow> published, ChannelFields fields, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(fields);
        await using var records = current.GetAsyncEnumerator(cancellationToken);
        using var rows = published.GetEnumerator();
        var next = await records.MoveNextAsync().ConfigureAwait(false) ? Pair(records.Current, fields) : default;
        var old = rows.MoveNext() ? rows.Current : null;
        SnapshotRow? last = null;
        var size = 0; // the last group's records: the next group's list starts at that size (a model's variants are as many as the one before, as a rule)
        while (next.Row is not null || old is not null)
        {
            var group = next.Row is null ? old!.Group
                : old is null ? next.Row.Group
                : ChannelOrder.CompareText(next.Row.Group, old.Group) <= 0 ? next.Row.Group : old.Group;

            var now = new List<(ProductRecord Record, SnapshotRow Row)>(size);
            while (next.Row is not null && string.Equals(next.Row.Group, group, StringComparison.Ordinal))
            {
                if (last is not null && SnapshotRow.Compare(last, next.Row) >= 0)
                {
                    throw new InvalidOperationException($"the store returned '{next.Row.Sku}' after '{last.Sku}': a channel must be read in channel order");
                }

                last = next.Row;
                now.Add(next);
                next = await records.MoveNextAsync().ConfigureAwait(false) ? Pair(records.Current, fields) : default;
            }

            size = Math.Max(now.Count, 1);
            var before = new List<SnapshotRow>();
            while (old is not null && string.Equals(old.Group, group, StringComparison.Ordinal))
            {
                before.Add(old);
                old = rows.MoveNext() ? rows.Current : null;
            }

            yield return new GroupDiff(group, now, Changes(now, before));
        }
    }

    private static (ProductRecord Record, SnapshotRow Row) Pair(ProductRecord record, ChannelFields fields) => (record, fields.RowOf(record));

    private static List<ChannelChange> Changes(List<(ProductRecord Record, SnapshotRow Row)> now, List<SnapshotRow> before)
    {
        List<ChannelChange>? changes = null; // made at the first change, as large as the changes can be from there on (each is of a record not yet seen)
        int i = 0, j = 0;
        while (i < now.Count || j < before.Count)
        {
            var remaining = now.Count - i + before.Count - j;
            var c = i == now.Count ? 1 : j == before.Count ? -1 : ChannelOrder.CompareText(now[i].Row.Sku, before[j].Sku);
            if (c < 0)
            {
                var row = now[i++].Row;
                changes ??= new(remaining);
                changes.Add(new ChannelChange(ChannelChangeKind.Added, row.Sku, row.Model, SnapshotRow.Added(row)));
            }
            else if (c > 0)
            {
                var row = before[j++];
                changes ??= new(remaining);
                changes.Add(new ChannelChange(ChannelChangeKind.Removed, row.Sku, row.Model, []));
            }
            else
            {
                var fields = SnapshotRow.Changes(before[j], now[i].Row);
                if (fields.Count > 0)
                {
                    changes ??= new(remaining);
                    changes.Add(new ChannelChange(ChannelChangeKind.Changed, now[i].Row.Sku, now[i].Row.Model, fields));
                }

                i++;
                j++;
            }
        }

        return changes ?? [];
    }
}
