using ProductFlow.Channels;

namespace ProductFlow.Publishing;

/// <summary>One record as a channel published it: its SKU, model and the text of each field it has, sorted by field name.</summary>
/// <remarks>
/// The names and the texts are kept apart, so rows with the same fields share one array of names (see <see cref="ChannelFields"/>):
/// a publish makes a row per record and channel. A row read from a state file keeps its line and parses its fields when they are
/// first asked for: a publish compares most rows on their lines (<see cref="Changes"/>) and never needs their fields.
/// </remarks>
public sealed class SnapshotRow
{
    private string[]? _names; // null until a row read from a state file parses its line
    private string[]? _texts;
    private readonly SnapshotNames? _shape; // the shared names of the row's shape, with their encoding; null for a row of its own names
    private readonly RowReader? _reader; // parses _line, for a row read from a state file
    private byte[]? _line; // the row's line in a state file (JSON, UTF-8, without its line feed): as read, or made when first compared

    public SnapshotRow(string sku, string? model, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Sku = sku;
        Model = model;
        _names = new string[fields.Count];
        _texts = new string[fields.Count];
        for (var i = 0; i < _names.Length; i++)
        {
            (_names[i], _texts[i]) = fields[i];
        }
    }

    /// <param name="sku">The record's SKU.</param>
    /// <param name="model">The record's model, if it has one.</param>
    /// <param name="names">The fields' names, ordinal; rows may share the array, so nobody changes it.</param>
    /// <param name="texts">The fields' texts, by the index of their name; the row's own.</param>
    internal SnapshotRow(string sku, string? model, string[] names, string[] texts)
    {
        Sku = sku;
        Model = model;
        _names = names;
        _texts = texts;
    }

    /// <param name="sku">The record's SKU.</param>
    /// <param name="model">The record's model, if it has one.</param>
    /// <param name="shape">The fields' names, shared by the rows with the same fields.</param>
    /// <param name="texts">The fields' texts, by the index of their name; the row's own.</param>
    internal SnapshotRow(string sku, string? model, SnapshotNames shape, string[] texts)
        : this(sku, model, shape.Names, texts)
    {
        _shape = shape;
    }

    /// <summary>A row read from a state file: its SKU and model, and its line, whose fields <paramref name="reader"/> parses when asked for.</summary>
    /// <remarks>The rows of one file share their reader: they are read by one thread at a time.</remarks>
    internal SnapshotRow(string sku, string? model, byte[] line, RowReader reader)
    {
        Sku = sku;
        Model = model;
        _line = line;
        _reader = reader;
    }

    public string Sku { get; }

    public string? Model { get; }

    /// <summary>Field name -> text, ordinal by name; absent fields are left out.</summary>
    /// <remarks>A view made on each call: the row's own readers go by <see cref="Count"/>, <see cref="Name"/> and <see cref="Text"/>.</remarks>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => new FieldList(Names, Texts);

    /// <summary>How many fields the row has.</summary>
    internal int Count => Texts.Length;

    /// <summary>The name of field <paramref name="index"/> (of <see cref="Fields"/>).</summary>
    internal string Name(int index) => Names[index];

    /// <summary>The name of field <paramref name="index"/> encoded once for its shape; null for a row of its own names or a name that is not valid UTF-16.</summary>
    internal System.Text.Json.JsonEncodedText? EncodedName(int index) => _shape?.Encoded(index);

    /// <summary>The text of field <paramref name="index"/> (of <see cref="Fields"/>).</summary>
    internal string Text(int index) => Texts[index];

    /// <summary>The row's line in a state file, once made: the line it was read from, or the one made when it was compared with one.</summary>
    internal byte[]? Line => _line;

    private string[] Names => _names ?? Parse().Names;

    private string[] Texts => _texts ?? Parse().Texts;

    private (string[] Names, string[] Texts) Parse()
    {
        var (names, texts) = _reader!.Fields(_line!);
        _names = names;
        _texts = texts;
        return (names, texts);
    }

    // The row's line, made (and kept, for the state file's writer) when the row was not read from one.
    private byte[] LineOf() => _line ??= SnapshotFile.LineOf(this);

    /// <summary>The channel-order group: the model, or the SKU of a product without one.</summary>
    public string Group => Model ?? Sku;

    /// <summary>Every field of <paramref name="row"/> as a change from nothing (a record the channel did not publish before), by name.</summary>
    /// <remarks>A view made on demand: most runs count their changes and never read an added record's fields.</remarks>
    public static IReadOnlyList<FieldChange> Added(SnapshotRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new AddedFields(row);
    }

    /// <summary>The fields whose text differs between <paramref name="before"/> and <paramref name="after"/> (rows of one SKU and group), by name.</summary>
    /// <remarks>
    /// When either was read from a state file, the two are first compared on their lines: the same line is the same fields, and most
    /// of a channel's records are as they were. Only rows whose lines differ are compared field by field.
    /// </remarks>
    public static List<FieldChange> Changes(SnapshotRow before, SnapshotRow after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        if ((before._line is not null || after._line is not null) && before.LineOf().AsSpan().SequenceEqual(after.LineOf()))
        {
            return changes;
        }

        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var c = i == before.Count ? 1 : j == after.Count ? -1 : string.CompareOrdinal(before.Name(i), after.Name(j));
            if (c < 0)
            {
                changes.Add(new FieldChange(before.Name(i), before.Text(i), null));
                i++;
            }
            else if (c > 0)
            {
                changes.Add(new FieldChange(after.Name(j), null, after.Text(j)));
                j++;
            }
            else
            {
                if (!string.Equals(before.Text(i), after.Text(j), StringComparison.Ordinal))
                {
                    changes.Add(new FieldChange(before.Name(i), before.Text(i), after.Text(j)));
                }

                i++;
                j++;
            }
        }

        return changes;
    }

    /// <summary>Compares rows in channel order (<see cref="ChannelOrder"/>).</summary>
    public static int Compare(SnapshotRow a, SnapshotRow b) => ChannelOrder.Compare(a.Group, a.Sku, b.Group, b.Sku);

    private sealed class FieldList(string[] names, string[] texts) : IReadOnlyList<KeyValuePair<string, string>>
    {
        public int Count => texts.Length;

        public KeyValuePair<string, string> this[int index] => new(names[index], texts[index]);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            for (var i = 0; i < texts.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class AddedFields(SnapshotRow row) : IReadOnlyList<FieldChange>
    {
        public int Count => row.Count;

        public FieldChange this[int index] => new(row.Name(index), null, row.Text(index));

        public IEnumerator<FieldChange> GetEnumerator()
        {
            for (var i = 0; i < row.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
