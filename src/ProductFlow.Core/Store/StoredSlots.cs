using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>
/// The slots of stored values read back, each the last document's slot at the same position when the value begins with the same
/// bytes: the documents of a channel's order are a model's variants, whose values name the same slots in the same order.
/// </summary>
/// <remarks>
/// A value's names (<c>{"attribute":"name","locale":"de_DE","data":</c>) are kept as the bytes they were read from, with the slot they
/// made and how many of the reader's tokens they hold. A value that begins with those bytes reads as they did, token for token, so the
/// reader passes over them and the value takes the slot without its names being compared, decoded or looked up. Only names read
/// whole, before a value's data and with nothing after it, are kept (<see cref="Keep"/>). Kept per thread, for the first values of a
/// document.
/// </remarks>
internal static class StoredSlots
{
    private const int Kept = 64;

    [ThreadStatic]
    private static Entry?[]? _last;

    /// <summary>
    /// The slot of the value at <paramref name="index"/> of its document, which begins at <paramref name="start"/> of
    /// <paramref name="content"/>, when it begins with the names the last document's value there was read from; null otherwise.
    /// <paramref name="tokens"/> is how many tokens those names hold after the value's start: the reader reads past them to the data.
    /// </summary>
    public static ValueSlot? Known(ReadOnlySpan<byte> content, int start, int index, out int tokens)
    {
        tokens = 0;
        if (_last is not { } last || index >= last.Length || last[index] is not { } entry || !content[start..].StartsWith(entry.Names))
        {
            return null;
        }

        tokens = entry.Tokens;
        return entry.Slot;
    }

    /// <summary>Keeps <paramref name="names"/> (a value's bytes from its start to its data), which the reader read as <paramref name="tokens"/> tokens making <paramref name="slot"/>.</summary>
    public static void Keep(int index, ReadOnlySpan<byte> names, int tokens, ValueSlot slot)
    {
        var last = _last ??= new Entry?[Kept];
        if (index < last.Length)
        {
            last[index] = new Entry(names.ToArray(), tokens, slot);
        }
    }

    private sealed record Entry(byte[] Names, int Tokens, ValueSlot Slot);
}
