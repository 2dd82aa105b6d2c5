using ProductFlow.Channels;

namespace ProductFlow.Publishing;

/// <summary>One record as a channel published it: its SKU, model and the text of each field it has, sorted by field name.</summary>
public sealed class SnapshotRow
{
    public SnapshotRow(string sku, string? model, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        Sku = sku;
        Model = model;
        Fields = fields;
    }

    public string Sku { get; }

    public string? Model { get; }

    /// <summary>Field name -> text, ordinal by name; absent fields are left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The channel-order group: the model, or the SKU of a product without one.</summary>
    public string Group => Model ?? Sku;

    /// <summary>Every field of <paramref name="row"/> as a change from nothing (a record the channel did not publish before), by name.</summary>
    /// <remarks>A view made on demand: most runs count their changes and never read an added record's fields.</remarks>
    public static IReadOnlyList<FieldChange> Added(SnapshotRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AddedFields(row.Fields);
    }

    /// <summary>The fields whose text differs between <paramref name="before"/> and <paramref name="after"/> (rows of one SKU and group), by name.</summary>
    public static List<FieldChange> Changes(SnapshotRow before, SnapshotRow after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        int i = 0, j = 0;
        while (i < before.Fields.Count || j < after.Fields.Count)
        {
            var c = i == before.Fields.Count ? 1 : j == after.Fields.Count ? -1 : string.CompareOrdinal(before.Fields[i].Key, after.Fields[j].Key);
            if (c < 0)
            {
                changes.Add(new FieldChange(before.Fields[i].Key, before.Fields[i].Value, null));
                i++;
            }
            else if (c > 0)
            {
                changes.Add(new FieldChange(after.Fields[j].Key, null, after.Fields[j].Value));
                j++;
            }
            else
            {
                if (!string.Equals(before.Fields[i].Value, after.Fields[j].Value, StringComparison.Ordinal))
                {
                    changes.Add(new FieldChange(before.Fields[i].Key, before.Fields[i].Value, after.Fields[j].Value));
                }

                i++;
                j++;
            }
        }

        return changes;
    }

    /// <summary>Compares rows in channel order (<see cref="ChannelOrder"/>).</summary>
    public static int Compare(SnapshotRow a, SnapshotRow b) => ChannelOrder.Compare(a.Group, a.Sku, b.Group, b.Sku);

    private sealed class AddedFields(IReadOnlyList<KeyValuePair<string, string>> fields) : IReadOnlyList<FieldChange>
    {
        public int Count => fields.Count;

        public FieldChange this[int index] => new(fields[index].Key, null, fields[index].Value);

        public IEnumerator<FieldChange> GetEnumerator()
        {
            for (var i = 0; i < fields.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
