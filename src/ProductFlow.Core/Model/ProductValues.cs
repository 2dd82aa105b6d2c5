using System.Collections;

namespace ProductFlow.Model;

/// <summary>The values of a <see cref="ProductRecord"/>: cells in one array (<see cref="Cells"/>), a list that counts its changes.</summary>
/// <remarks>
/// <para>The values are held as <see cref="ValueCell"/>s, not as objects: the mapper writes a row's cells into the array, and a rule
/// replaces a cell where it is (<see cref="Set"/>). The stages read <see cref="Cells"/>. As a list of <see cref="ProductValue"/> (the
/// indexer, <c>foreach</c>) each value read is made as an object, for the callers that want one.</para>
/// <para><see cref="Version"/> grows with every change (add, insert, replace, remove), so a resolution of the values made at one version
/// (such as a channel's view of the record) can be kept until the next change.</para>
/// </remarks>
public sealed class ProductValues : IList<ProductValue>, IReadOnlyList<ProductValue>
{
    private ValueCell[] _cells = [];
    private int _count;

    /// <summary>Grows with every change to the list.</summary>
    public int Version { get; private set; }

    public int Count => _count;

    bool ICollection<ProductValue>.IsReadOnly => false;

    /// <summary>The values as the record holds them, for reading (valid until the next change).</summary>
    public ReadOnlySpan<ValueCell> Cells => new(_cells, 0, _count);

    /// <summary>The value at <paramref name="index"/>, made as an object; setting one replaces the cell.</summary>
    public ProductValue this[int index]
    {
        get => Cells[index].ToValue();
        set => Set(index, (value ?? throw new ArgumentNullException(nameof(value))).Cell);
    }

    /// <summary>Replaces the value at <paramref name="index"/> with <paramref name="cell"/>.</summary>
    public void Set(int index, in ValueCell cell)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        Check(cell);
        _cells[index] = cell;
        Version++;
    }

    public void Add(ProductValue item) => Add((item ?? throw new ArgumentNullException(nameof(item))).Cell);

    public void Add(in ValueCell cell)
    {
        Check(cell);
        if (_count == _cells.Length)
        {
            Grow(_count + 1);
        }

        _cells[_count++] = cell;
        Version++;
    }

    /// <summary>Adds every one of <paramref name="cells"/>, the array grown once to hold them.</summary>
    public void AddRange(ReadOnlySpan<ValueCell> cells)
    {
        foreach (ref readonly var cell in cells)
        {
            Check(cell);
        }

        EnsureCapacity(_count + cells.Length);
        cells.CopyTo(_cells.AsSpan(_count));
        _count += cells.Length;
        Version++;
    }

    /// <summary>Makes room for <paramref name="capacity"/> values (a mapper knows how many a row may have): the array does not grow value by value.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _cells.Length)
        {
            Grow(capacity);
        }
    }

    public void Insert(int index, ProductValue item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)_count, nameof(index));
        Check(item.Cell);
        if (_count == _cells.Length)
        {
            Grow(_count + 1);
        }

        Array.Copy(_cells, index, _cells, index + 1, _count - index);
        _cells[index] = item.Cell;
        _count++;
        Version++;
    }

    public bool Remove(ProductValue item)
    {
        var index = IndexOf(item);
        if (index >= 0)
        {
            RemoveAt(index);
        }

        Version++;
        return index >= 0;
    }

    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        _count--;
        Array.Copy(_cells, index + 1, _cells, index, _count - index);
        _cells[_count] = default;
        Version++;
    }

    /// <summary>Removes every value that <paramref name="match"/> picks, keeping the others in their order.</summary>
    public void RemoveAll(Func<ValueCell, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (!match(_cells[i]))
            {
                _cells[kept++] = _cells[i];
            }
        }

        Array.Clear(_cells, kept, _count - kept);
        _count = kept;
        Version++;
    }

    public void Clear()
    {
        Array.Clear(_cells, 0, _count);
        _count = 0;
        Version++;
    }

    public bool Contains(ProductValue item) => IndexOf(item) >= 0;

    public int IndexOf(ProductValue item)
    {
        if (item is null)
        {
            return -1;
        }

        var cells = Cells;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Equals(item.Cell))
            {
                return i;
            }
        }

        return -1;
    }

    public void CopyTo(ProductValue[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (ref readonly var cell in Cells)
        {
            array[arrayIndex++] = cell.ToValue();
        }
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<ProductValue> IEnumerable<ProductValue>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static void Check(in ValueCell cell)
    {
        if (cell.IsEmpty)
        {
            throw new ArgumentException("An empty cell holds no value.", nameof(cell));
        }
    }

    private void Grow(int capacity)
    {
        var cells = new ValueCell[Math.Max(capacity, Math.Max(4, _cells.Length * 2))];
        Array.Copy(_cells, cells, _count);
        _cells = cells;
    }

    /// <summary>Each value made as an object in turn; the list must not change meanwhile.</summary>
    public struct Enumerator : IEnumerator<ProductValue>
    {
        private readonly ProductValues _values;
        private readonly int _version;
        private int _index;

        internal Enumerator(ProductValues values)
        {
            _values = values;
            _version = values.Version;
            _index = -1;
            Current = null!;
        }

        public ProductValue Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_values.Version != _version)
            {
                throw new InvalidOperationException("The values changed while they were enumerated.");
            }

            if (++_index >= _values._count)
            {
                return false;
            }

            Current = _values._cells[_index].ToValue();
            return true;
        }

        public void Reset()
        {
            _index = -1;
            Current = null!;
        }

        public readonly void Dispose()
        {
        }
    }
}
