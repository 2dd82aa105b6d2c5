using System.Text.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A slot's names (attribute, locale, channel, currency) encoded for JSON once, kept by slot id: a document writes them for every value.</summary>
/// <remarks>
/// One writer's. A slot that is not shared (id 0) is encoded at each call. A name that is not valid UTF-16 (a lone
/// surrogate) cannot be encoded ahead: <see cref="Of"/> gives <c>null</c> for its slot, and the writer writes the names as strings,
/// escaping the surrogate as it always has.
/// </remarks>
internal sealed class EncodedSlots
{
    private readonly SlotTable<Names?> _names = new(Encode);

    public Names? Of(ValueSlot slot) => _names[slot];

    private static Names? Encode(ValueSlot slot)
    {
        try
        {
            return new Names(JsonEncodedText.Encode(slot.Attribute), Encode(slot.Locale), Encode(slot.Channel), Encode(slot.Currency));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static JsonEncodedText? Encode(string? name) => name is null ? null : JsonEncodedText.Encode(name);

    /// <summary>The encoded names; <c>null</c> for a name the slot does not have.</summary>
    internal sealed record Names(JsonEncodedText? Attribute, JsonEncodedText? Locale, JsonEncodedText? Channel, JsonEncodedText? Currency);
}
