using System.Buffers.Binary;
using ProductFlow.Primitives;

namespace ProductFlow.Store;

/// <summary>A 64-bit fingerprint of a stored product's state, which a store compares instead of reading the product.</summary>
public static class StateFingerprint
{
    /// <summary>Never a fingerprint: "unknown".</summary>
    public const long Unknown = 0;

    /// <summary>The fingerprint of a content hash (<see cref="ProductDocument.Hash"/>, at least 8 bytes) and three texts.</summary>
    public static long Of(ReadOnlySpan<byte> contentHash, string blocked, string notes, string sources)
    {
        var state = BinaryPrimitives.ReadUInt64LittleEndian(contentHash) ^ (KeyHash.Of(blocked, notes, sources) * 0x9E3779B97F4A7C15UL);
        return state == Unknown ? 1 : (long)state;
    }
}
