using System.Buffers;
using System.Text;
using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>Writes a stored document's values: <c>{"attribute":"name","locale":"de_DE","data":"..."}</c>, each as its writer would.</summary>
/// <remarks>
/// A value's names are the same bytes for every value of its slot, so they are written once per shared slot and kept. A value whose
/// data is plain text (printable ASCII that JSON's default encoder leaves as it is: no quote, backslash or character it escapes for
/// HTML) is then those bytes, its data and the object's end, handed to the writer whole; any other value is written property by
/// property. Both give the same bytes (the document is hashed). One per document writer: not thread-safe.
/// </remarks>
internal sealed class StoredValueWriter
{
    /// <summary>The characters the writer's default encoder writes as themselves.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`')).ToArray());

    private static readonly JsonEncodedText Attribute = JsonEncodedText.Encode("attribute");
    private static readonly JsonEncodedText Locale = JsonEncodedText.Encode("locale");
    private static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");

    // A value's start up to its data, by slot: the same for every writer (written by the same code), so shared.
    private static readonly SlotTable<byte[]> Starts = new(StartOf);

    private byte[] _value = new byte[256];

    /// <summary>Writes <paramref name="value"/> as the next element of the values array <paramref name="writer"/> is in.</summary>
    public void Write(Utf8JsonWriter writer, in ValueCell value)
    {
        var data = value.Data;
        if (value.Slot.Id == 0 || data.AsSpan().ContainsAnyExcept(Plain))
        {
            writer.WriteStartObject();
            WriteStart(writer, value.Slot);
            writer.WriteStringValue(data);
            writer.WriteEndObject();
            return;
        }

        var start = Starts[value.Slot];
        var length = start.Length + data.Length + 3; // the data's quotes and the object's end
        if (_value.Length < length)
        {
            _value = new byte[Math.Max(length, _value.Length * 2)];
        }

        start.CopyTo(_value, 0);
        var at = start.Length;
        _value[at++] = (byte)'"';
        at += Encoding.ASCII.GetBytes(data, _value.AsSpan(at));
        _value[at++] = (byte)'"';
        _value[at++] = (byte)'}';
        writer.WriteRawValue(_value.AsSpan(0, at), skipInputValidation: true);
    }

    /// <summary>A value's names and its data's property name, after its object's start.</summary>
    private static void WriteStart(Utf8JsonWriter writer, ValueSlot slot)
    {
        writer.WriteString(Attribute, slot.Attribute);
        writer.WriteOptional(Locale, slot.Locale);
        writer.WriteOptional(Channel, slot.Channel);
        writer.WriteOptional(Currency, slot.Currency);
        writer.WritePropertyName(Data);
    }

    private static byte[] StartOf(ValueSlot slot)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteStart(writer, slot);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
