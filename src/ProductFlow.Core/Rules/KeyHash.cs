namespace ProductFlow.Rules;

/// <summary>A fast 64-bit hash of a key (FNV-1a over UTF-16 code units, with a final avalanche), for compact cross-record checks.</summary>
public static class KeyHash
{
    public static ulong Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // FNV's low bits mix poorly; the murmur3 finaliser spreads every input bit over the whole word.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
