using System.Collections;

namespace ProductFlow.Model;

/// <summary>The values of a <see cref="ProductRecord"/>: a list that counts its changes, with an enumerator that allocates nothing.</summary>
/// <remarks>
/// <see cref="Version"/> grows with every change (add, insert, replace, remove), so a resolution of the values made at one version
/// (such as a channel's view of the record) can be kept until the next change. <c>foreach</c> over the list itself uses a struct
/// enumerator: the stages scan a record's values many times per row.
/// </remarks>
public sealed class ProductValues : IList<ProductValue>, IReadOnlyList<ProductValue>
{
    private readonly List<ProductValue> _items = [];

    /// <summary>Grows with every change to the list.</summary>
    public int Version { get; private set; }

    public int Count => _items.Count;

    bool ICollection<ProductValue>.IsReadOnly => false;

    public ProductValue this[int index]
    {
        get => _items[index];
        set
        {
            _items[index] = value;
            Version++;
        }
    }

    public void Add(ProductValue item)
    {
        _items.Add(item);
        Version++;
    }

    /// <summary>Adds every one of <paramref name="items"/>, the list grown once to hold them.</summary>
    public void AddRange(ReadOnlySpan<ProductValue> items)
    {
        _items.AddRange(items);
        Version++;
    }

    /// <summary>Makes room for <paramref name="capacity"/> values (a mapper knows how many a row may have): the list does not grow value by value.</summary>
    public void EnsureCapacity(int capacity) => _items.EnsureCapacity(capacity);

    public void Insert(int index, ProductValue item)
    {
        _items.Insert(index, item);
        Version++;
    }

    public bool Remove(ProductValue item)
    {
        var removed = _items.Remove(item);
        Version++;
        return removed;
    }

    public void RemoveAt(int index)
    {
        _items.RemoveAt(index);
        Version++;
    }

    public void Clear()
    {
        _items.Clear();
        Version++;
    }

    public bool Contains(ProductValue item) => _items.Contains(item);

    public int IndexOf(ProductValue item) => _items.IndexOf(item);

    public void CopyTo(ProductValue[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>The values as a span, for reading (valid until the next change).</summary>
    public ReadOnlySpan<ProductValue> AsSpan() => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);

    public List<ProductValue>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<ProductValue> IEnumerable<ProductValue>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
