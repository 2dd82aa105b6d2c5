namespace ProductFlow.Collections;

/// <summary>A compact set of 64-bit key hashes (<see cref="Primitives.KeyHash"/>): a <see cref="KeyMap{TValue}"/> of keys alone, 8 bytes a slot.</summary>
internal sealed class KeySet
{
    private readonly KeyMap<NoValue> _keys = new();

    public int Count => _keys.Count;

    /// <summary>Adds <paramref name="key"/>; false when the set already holds it.</summary>
    public bool Add(ulong key) => _keys.TryAdd(key, default);

    public bool Contains(ulong key) => _keys.TryGetValue(key, out _);

    /// <summary>The value of a set's map: none (the map keeps no value arrays for it).</summary>
    internal readonly struct NoValue;
}
