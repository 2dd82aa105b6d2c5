namespace ProductFlow.IntegrationTests.Telemetry;

/// <summary>Just enough of the protobuf wire format to read what an OTLP exporter sends: the fields of one message, in order.</summary>
internal static class ProtobufReader
{
    /// <summary>Each field of <paramref name="message"/>: its number, its wire type, and its payload (the bytes of a length-delimited field) or
    /// value (a varint, or the bits of a fixed64 or fixed32).</summary>
    public static IEnumerable<ProtobufField> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message.Span, ref position);
            var number = (int)(key >> 3);
            var wireType = (int)(key & 7);
            switch (wireType)
            {
                case 0:
                    yield return new ProtobufField(number, wireType, default, Varint(message.Span, ref position));
                    break;
                case 1:
                    yield return new ProtobufField(number, wireType, default, BitConverter.ToUInt64(message.Span.Slice(position, 8)));
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref position);
                    yield return new ProtobufField(number, wireType, message.Slice(position, length), 0);
                    position += length;
                    break;
                case 5:
                    yield return new ProtobufField(number, wireType, default, BitConverter.ToUInt32(message.Span.Slice(position, 4)));
                    position += 4;
                    break;
                default:
                    throw new FormatException($"wire type {wireType} of field {number} at byte {position} is not one OTLP uses");
            }
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}

/// <summary>One field of a protobuf message.</summary>
internal readonly record struct ProtobufField(int Number, int WireType, ReadOnlyMemory<byte> Payload, ulong Value)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Payload.Span);

    public double Double => BitConverter.UInt64BitsToDouble(Value);
}
