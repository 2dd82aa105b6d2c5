namespace ProductFlow.Collections;

/// <summary>A compact hash map from 64-bit key hashes (<see cref="Primitives.KeyHash"/>) to small values: the state of a run that grows with its SKUs.</summary>
/// <remarks>
/// A <see cref="Dictionary{TKey, TValue}"/> of <c>ulong</c> to <c>long</c> costs 28 bytes per slot (an entry with hash code and chain, and a
/// bucket), holds up to twice as many slots as keys, and grows by copying everything into one new array twice the size, the old one left
/// for a full collection: 60-90 bytes per key at a million keys. Here a slot is the key and the value alone (16 bytes for a <c>long</c>, 8
/// for a <see cref="KeySet"/>), in open addressing with linear probing, 70-88% full. The keys are spread over 64 segments by their top bits;
/// a segment's slots are chunks of 512, and a segment at 7/8 load grows by a quarter: new chunks are added and the segment's keys are
/// placed again, the old chunks kept. Growth leaves no garbage, so memory follows the keys (~20 bytes a key for 16-byte slots), with no
/// step to a doubled table. The chunks are allocated on the pinned object heap: they live as long as the map and are never moved, so the GC
/// neither copies them from generation to generation nor counts them in generation 2, whose size sets how much garbage it lets gather
/// there between full collections (at the end of a 1M-row run's ingestion, generation 2 holds 6 MB instead of 57, and the run's peak is
/// 2-5 MB lower).
/// Key 0 marks an empty slot, so a key of 0 is kept as another constant (the two are then one key: a 2^-64 event, as any collision of the
/// hashes themselves). Not thread-safe.
/// </remarks>
internal sealed class KeyMap<TValue> where TValue : unmanaged
{
    private const int SegmentBits = 6;
    private const int ChunkBits = 9;
    private const int ChunkSlots = 1 << ChunkBits;
    private const ulong ZeroKey = 0x9E3779B97F4A7C15UL;

    private readonly Segment?[] _segments = new Segment?[1 << SegmentBits];
    private readonly int _expectedChunks;

    // A segment's keys and values while it grows; reused by every segment.
    private ulong[] _movingKeys = [];
    private TValue[] _movingValues = [];

    /// <param name="expected">How many keys the map will hold, when known (a map loaded from the store): the segments start that large.</param>
    public KeyMap(int expected = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        // 10% over the mean, for the segments that get more than their share.
        var perSegment = (expected >> SegmentBits) * 11L / 10;
        _expectedChunks = (int)Math.Max(1, ((perSegment * 8 / 7) + ChunkSlots - 1) / ChunkSlots);
    }

    public int Count { get; private set; }

    // A constant for the JIT: a set's code has no value chunks at all.
    private static bool KeysOnly => typeof(TValue) == typeof(KeySet.NoValue);

    public bool TryGetValue(ulong key, out TValue value)
    {
        key = key == 0 ? ZeroKey : key;
        if (_segments[SegmentOf(key)] is { } segment && segment.Find(key) is var slot and >= 0)
        {
            value = KeysOnly ? default : segment.Value(slot);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Adds <paramref name="key"/> unless the map holds it; <paramref name="existing"/> is then its value.</summary>
    public bool TryAdd(ulong key, TValue value, out TValue existing)
    {
        key = key == 0 ? ZeroKey : key;
        var segment = _segments[SegmentOf(key)] ??= new Segment(_expectedChunks);
        var slot = segment.Find(key);
        if (slot >= 0)
        {
            existing = KeysOnly ? default : segment.Value(slot);
            return false;
        }

        if ((segment.Count + 1) * 8L > segment.Length * 7L)
        {
            Grow(segment);
            slot = segment.Find(key);
        }

        segment.Put(~slot, key, value);
        Count++;
        existing = default;
        return true;
    }

    public bool TryAdd(ulong key, TValue value) => TryAdd(key, value, out _);

    /// <summary>Replaces the value of <paramref name="key"/> if the map holds it; adds nothing (the map does not grow).</summary>
    public bool TryReplace(ulong key, TValue value)
    {
        key = key == 0 ? ZeroKey : key;
        if (_segments[SegmentOf(key)] is { } segment && segment.Find(key) is var slot and >= 0)
        {
            segment.Put(slot, key, value);
            return true;
        }

        return false;
    }

    private static int SegmentOf(ulong key) => (int)(key >> (64 - SegmentBits));

    /// <summary>Adds a quarter of the segment's chunks (one at least) and places its keys again.</summary>
    private void Grow(Segment segment)
    {
        if (_movingKeys.Length < segment.Count)
        {
            _movingKeys = new ulong[segment.Count * 2];
            _movingValues = KeysOnly ? [] : new TValue[segment.Count * 2];
        }

        var count = segment.TakeAll(_movingKeys, _movingValues);
        segment.AddChunks(Math.Max(1, segment.Length / ChunkSlots / 4));
        for (var i = 0; i < count; i++)
        {
            segment.Put(~segment.Find(_movingKeys[i]), _movingKeys[i], KeysOnly ? default : _movingValues[i]);
        }
    }

    /// <summary>The slots of one segment: <see cref="Length"/> slots in chunks of <see cref="ChunkSlots"/>.</summary>
    private sealed class Segment
    {
        private readonly List<ulong[]> _keys = [];
        private readonly List<TValue[]> _values = [];

        public Segment(int chunks) => AddChunks(chunks);

        public int Length { get; private set; }

        public int Count { get; private set; }

        /// <summary>The slot of <paramref name="key"/>, or the complement of the empty slot where it would go.</summary>
        public int Find(ulong key)
        {
            // The low 32 bits pick the home slot (the top bits picked the segment): multiply-shift maps them onto any length.
            var slot = (int)(((ulong)(uint)key * (ulong)Length) >> 32);
            while (true)
            {
                var found = _keys[slot >> ChunkBits][slot & (ChunkSlots - 1)];
                if (found == key)
                {
                    return slot;
                }

                if (found == 0)
                {
                    return ~slot;
                }

                if (++slot == Length)
                {
                    slot = 0;
                }
            }
        }

        public TValue Value(int slot) => _values[slot >> ChunkBits][slot & (ChunkSlots - 1)];

        public void Put(int slot, ulong key, TValue value)
        {
            ref var stored = ref _keys[slot >> ChunkBits][slot & (ChunkSlots - 1)];
            Count += stored == 0 ? 1 : 0;
            stored = key;
            if (!KeysOnly)
            {
                _values[slot >> ChunkBits][slot & (ChunkSlots - 1)] = value;
            }
        }

        /// <summary>Moves every key (and value) out into <paramref name="keys"/>, leaving the segment empty; returns how many.</summary>
        public int TakeAll(ulong[] keys, TValue[] values)
        {
            var count = 0;
            for (var chunk = 0; chunk < _keys.Count; chunk++)
            {
                var chunkKeys = _keys[chunk];
                for (var i = 0; i < ChunkSlots; i++)
                {
                    if (chunkKeys[i] != 0)
                    {
                        keys[count] = chunkKeys[i];
                        if (!KeysOnly)
                        {
                            values[count] = _values[chunk][i];
                        }

                        count++;
                    }
                }

                Array.Clear(chunkKeys);
            }

            Count = 0;
            return count;
        }

        public void AddChunks(int chunks)
        {
            for (var i = 0; i < chunks; i++)
            {
                _keys.Add(GC.AllocateArray<ulong>(ChunkSlots, pinned: true));
                if (!KeysOnly)
                {
                    _values.Add(GC.AllocateArray<TValue>(ChunkSlots, pinned: true));
                }
            }

            Length += chunks * ChunkSlots;
        }
    }
}
