
namespace ProductFlow.Primitives;

/// <summary>A fast 64-bit hash of a key (FNV-1a over UTF-16 code units, with a final avalanche), for compact cross-record checks.</summary>
public static class KeyHash
{
    private const ulong Seed = 14695981039346656037UL;

    public static ulong Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Finish(Add(Seed, key));
    }

    /// <summary>The hash of <c>key.ToUpperInvariant()</c>, without making that string.</summary>
    public static ulong OfUpperInvariant(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = Seed;
        foreach (var c in key)
        {
            hash = (hash ^ char.ToUpperInvariant(c)) * 1099511628211UL;
        }

        return Finish(hash);
    }

    /// <summary>Hashes several parts as one key without concatenating them (a separator keeps ("ab","c") apart from ("a","bc")).</summary>
    public static ulong Of(string? a, string? b, string? c = null, string? d = null) =>
        Finish(Add(Add(Add(Add(Seed, a), b), c), d));

    /// <summary>The first two parts of a key hashed once, for keys that differ in the rest: <c>Of(a, b, c)</c> is <c>Parts(a, b).Of(c)</c>.</summary>
    public static Prefix Parts(string? a, string? b) => new(Add(Add(Seed, a), b));

    /// <summary>Two parts of a key, hashed (<see cref="Parts"/>).</summary>
    public readonly struct Prefix
    {
        private readonly ulong _hash;

        internal Prefix(ulong hash) => _hash = hash;

        /// <summary>The hash of the key these parts start, with <paramref name="c"/> and <paramref name="d"/> after them.</summary>
        public ulong Of(string? c, string? d = null) => Finish(Add(Add(_hash, c), d));
    }

    private static ulong Add(ulong hash, string? part)
    {
        foreach (var c in part.AsSpan())
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (hash ^ 0xFFFF) * 1099511628211UL;
    }

    private static ulong Finish(ulong hash)
    {
        // FNV's low bits mix poorly; the murmur3 finaliser spreads every input bit over the whole word.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
