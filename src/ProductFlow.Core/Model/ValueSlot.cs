using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ProductFlow.Model;

/// <summary>Where a value sits in a record: its attribute, locale, channel and currency, one shared object for each combination.</summary>
/// <remarks>
/// <para>A value holds its slot instead of the four names: a record's values are a few slots repeated row after row, so a value
/// is 24 bytes smaller, two values of one slot have the same object, and a stage that resolves values (a channel's view) works
/// a slot out once and then reads its answer by <see cref="Id"/>, an index into an array, instead of comparing names per value.</para>
/// <para>Slots are kept for the life of the process, at most <see cref="MaxShared"/> of them (a catalog's attributes times its
/// locales, channels and currencies; a process serving many catalogs may hold more): past that, a new combination gets a slot
/// of its own with <see cref="Id"/> 0, which every stage handles by its names. <see cref="Of"/> is thread-safe; each thread
/// keeps the slots it asked for last by their names' references, so a caller that passes the same strings again (the store's
/// reader, the enrichers) finds its slot without hashing them.</para>
/// </remarks>
public sealed class ValueSlot
{
    /// <summary>How many slots the process shares at most.</summary>
    public const int MaxShared = 1 << 17;

    private const int RecentBits = 8;

    private static readonly ConcurrentDictionary<Key, ValueSlot> Shared = new();
    private static int _lastId;

    [ThreadStatic]
    private static Recent[]? _recent;

    private ValueSlot(string attribute, string? locale, string? channel, string? currency, int id)
    {
        Attribute = attribute;
        Locale = locale;
        Channel = channel;
        Currency = currency;
        Id = id;
    }

    public string Attribute { get; }

    public string? Locale { get; }

    public string? Channel { get; }

    public string? Currency { get; }

    /// <summary>The slot's number in the process, from 1; 0 for a slot not shared (past <see cref="MaxShared"/>).</summary>
    public int Id { get; }

    /// <summary>The slot of these names: the shared one, made on first use.</summary>
    public static ValueSlot Of(string attribute, string? locale, string? channel, string? currency)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var recent = _recent ??= new Recent[1 << RecentBits];
        ref var entry = ref recent[RecentIndex(attribute, locale, channel, currency)];
        if (entry.Slot is { } hit
            && ReferenceEquals(entry.Attribute, attribute) && ReferenceEquals(entry.Locale, locale)
            && ReferenceEquals(entry.Channel, channel) && ReferenceEquals(entry.Currency, currency))
        {
            return hit;
        }

        var slot = Find(attribute, locale, channel, currency);
        if (slot.Id != 0)
        {
            entry = new Recent(attribute, locale, channel, currency, slot);
        }

        return slot;
    }

    /// <summary>A slot that is not shared (<see cref="Id"/> 0), as a process past <see cref="MaxShared"/> gets: for tests of the path by names.</summary>
    internal static ValueSlot Unshared(string attribute, string? locale, string? channel, string? currency) => new(attribute, locale, channel, currency, 0);

    /// <summary>Whether this slot has these names.</summary>
    public bool Is(string attribute, string? locale, string? channel, string? currency) =>
        string.Equals(Attribute, attribute, StringComparison.Ordinal) && string.Equals(Locale, locale, StringComparison.Ordinal)
        && string.Equals(Channel, channel, StringComparison.Ordinal) && string.Equals(Currency, currency, StringComparison.Ordinal);

    /// <summary>Whether two slots have the same names (the same object when both are shared).</summary>
    public static bool Same(ValueSlot a, ValueSlot b) =>
        ReferenceEquals(a, b) || ((a.Id == 0 || b.Id == 0) && a.Is(b.Attribute, b.Locale, b.Channel, b.Currency));

    public override string ToString() => $"{Attribute} [{Locale ?? "-"}, {Channel ?? "-"}, {Currency ?? "-"}]";

    private static ValueSlot Find(string attribute, string? locale, string? channel, string? currency)
    {
        var key = new Key(attribute, locale, channel, currency);
        if (Shared.TryGetValue(key, out var slot))
        {
            return slot;
        }

        if (Shared.Count >= MaxShared)
        {
            return new ValueSlot(attribute, locale, channel, currency, 0);
        }

        // Two threads may make the same slot at once: one is kept and both return it (an id may go unused).
        return Shared.GetOrAdd(key, static k => new ValueSlot(k.Attribute, k.Locale, k.Channel, k.Currency, Interlocked.Increment(ref _lastId)));
    }

    private static int RecentIndex(string attribute, string? locale, string? channel, string? currency)
    {
        var hash = RuntimeHelpers.GetHashCode(attribute) * 31 + (locale is null ? 0 : RuntimeHelpers.GetHashCode(locale));
        hash = hash * 31 + (channel is null ? 0 : RuntimeHelpers.GetHashCode(channel));
        hash = hash * 31 + (currency is null ? 0 : RuntimeHelpers.GetHashCode(currency));
        return (int)((uint)(hash * -1640531535) >> (32 - RecentBits));
    }

    private readonly record struct Key(string Attribute, string? Locale, string? Channel, string? Currency);

    // A slot a thread asked for lately, by the strings it asked with (the slot holds those of the first caller, maybe others).
    private readonly record struct Recent(string Attribute, string? Locale, string? Channel, string? Currency, ValueSlot Slot);
}
