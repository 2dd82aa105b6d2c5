using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>The order a stored document writes a record's values in: by attribute, locale, channel and currency (ordinal).</summary>
/// <remarks>
/// The order is worked out for the slots of a record's values in their sequence, and kept: the rows of one feed mostly have their
/// values in the same slots in the same sequence, so a record is sorted again only when its sequence differs from the last one's. The
/// indexes are sorted by the same algorithm, comparison for comparison, as sorting the values themselves, so values with the same names
/// (two of one slot) keep the order that sort gives them. One per document writer: not thread-safe.
/// </remarks>
internal sealed class StoredValueOrder : IComparer<int>
{
    private ValueSlot[] _slots = [];
    private int[] _indexes = [];
    private int _count = -1;

    /// <summary>The indexes of <paramref name="values"/> in the order a document writes them (valid until the next call).</summary>
    public ReadOnlySpan<int> Of(ReadOnlySpan<ValueCell> values)
    {
        if (!Holds(values))
        {
            Plan(values);
        }

        return _indexes.AsSpan(0, _count);
    }

    public int Compare(int x, int y)
    {
        var (a, b) = (_slots[x], _slots[y]);
        var c = string.CompareOrdinal(a.Attribute, b.Attribute);
        c = c != 0 ? c : string.CompareOrdinal(a.Locale, b.Locale);
        c = c != 0 ? c : string.CompareOrdinal(a.Channel, b.Channel);
        return c != 0 ? c : string.CompareOrdinal(a.Currency, b.Currency);
    }

    private bool Holds(ReadOnlySpan<ValueCell> values)
    {
        if (values.Length != _count)
        {
            return false;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!ReferenceEquals(values[i].Slot, _slots[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void Plan(ReadOnlySpan<ValueCell> values)
    {
        if (_slots.Length < values.Length)
        {
            _slots = new ValueSlot[values.Length];
            _indexes = new int[values.Length];
        }

        for (var i = 0; i < values.Length; i++)
        {
            _slots[i] = values[i].Slot;
            _indexes[i] = i;
        }

        _count = values.Length;
        Array.Sort(_indexes, 0, _count, this);
    }
}
