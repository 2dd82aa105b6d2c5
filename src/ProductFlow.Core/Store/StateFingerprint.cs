using System.Buffers.Binary;
using ProductFlow.Primitives;

namespace ProductFlow.Store;

/// <summary>A 64-bit fingerprint of a stored product's state, which a store compares instead of reading the product.</summary>
public static class StateFingerprint
{
    /// <summary>Never a fingerprint: "unknown".</summary>
    public const long Unknown = 0;

    /// <summary>The fingerprint of a content hash (<see cref="ProductDocument.Hash"/>, at least 8 bytes) and three texts.</summary>
    public static long Of(ReadOnlySpan<byte> contentHash, string blocked, string notes, string sources) => Parts(contentHash, blocked, notes).With(sources);

    /// <summary>A fingerprint's content hash, blocking and notes, hashed once for fingerprints of several sources' texts (notes are long).</summary>
    public static Prefix Parts(ReadOnlySpan<byte> contentHash, string blocked, string notes) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(contentHash), KeyHash.Parts(blocked, notes));

    /// <summary>A content hash, blocking and notes (<see cref="Parts"/>).</summary>
    public readonly struct Prefix
    {
        private readonly ulong _content;
        private readonly KeyHash.Prefix _texts;

        internal Prefix(ulong content, KeyHash.Prefix texts) => (_content, _texts) = (content, texts);

        /// <summary>The fingerprint of these parts and <paramref name="sources"/>: what <see cref="Of"/> gives.</summary>
        public long With(string sources)
        {
            var state = _content ^ (_texts.Of(sources) * 0x9E3779B97F4A7C15UL);
            return state == Unknown ? 1 : (long)state;
        }
    }
}
