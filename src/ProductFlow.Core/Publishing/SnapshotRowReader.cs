using System.Buffers;
using System.Text.Json;
using ProductFlow.Store;

namespace ProductFlow.Publishing;

/// <summary>The lines of a UTF-8 stream, as they come: each valid until the next is asked for.</summary>
/// <remarks>A line ends at <c>\n</c>; a JSON line holds no raw line feed, so a state file's lines are its rows. The last line may lack its <c>\n</c>.</remarks>
internal sealed class Utf8Lines(Stream input) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _start; // the next line's first byte
    private int _end; // the bytes read so far end here
    private bool _ended;

    /// <summary>The next line without its <c>\n</c>; null at the end of the stream.</summary>
    public ReadOnlyMemory<byte>? Next()
    {
        var searched = 0; // the bytes after _start already searched for a line feed
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, searched + newline);
                _start += searched + newline + 1;
                return line;
            }

            searched = _end - _start;
            if (_ended)
            {
                if (searched == 0)
                {
                    return null; // not "searched == 0 ? null : …": null would become an empty ReadOnlyMemory through its conversion from an array
                }

                var last = _buffer.AsMemory(_start, searched);
                _start = _end;
                return last;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        ArrayPool<byte>.Shared.Return(buffer);
    }

    // Moves the unread bytes to the front (into a larger buffer when they fill this one) and reads more after them.
    private void Fill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_start, unread).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _start = 0;
        _end = unread;
        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _ended = true;
        }

        _end += read;
    }
}

/// <summary>Reads a state file's lines (<c>{"s":sku,"m":model,"f":{field:text}}</c>) into rows, and parses a row's fields when it is asked to.</summary>
/// <remarks>
/// A line is read up to its fields (the writer writes <c>s</c>, <c>m</c>, then <c>f</c>) and kept; its fields are parsed when they are
/// first needed, checking the whole line then. Parsed fields are the names of the row parsed before when their bytes are the same, and
/// its text at the same place when that is the same: a model's variants repeat most of their fields. Not for two threads at once.
/// </remarks>
internal sealed class RowReader
{
    private readonly List<string> _names = [];
    private readonly List<string> _texts = [];
    private string[] _lastNames = [];
    private string[] _lastTexts = [];
    private string? _lastModel;

    /// <summary>The row of <paramref name="line"/>, its SKU and model read, its fields left to <see cref="Fields"/>.</summary>
    public SnapshotRow Read(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        Expect(ref reader, JsonTokenType.StartObject);
        string? sku = null, model = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("s"u8))
            {
                Expect(ref reader, JsonTokenType.String);
                sku = reader.GetString();
            }
            else if (reader.ValueTextEquals("m"u8))
            {
                model = Next(ref reader) switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.String => _lastModel is not null && reader.ValueTextEquals(_lastModel) ? _lastModel : _lastModel = reader.GetString(),
                    var other => throw new JsonException($"a state file's row has {other} where its model belongs"),
                };
            }
            else if (reader.ValueTextEquals("f"u8) && sku is not null)
            {
                break; // the fields come last: what follows is parsed with them
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        return new SnapshotRow(sku ?? throw new JsonException("a state file's row without 's'"), model, line.ToArray(), this);
    }

    /// <summary>The names and texts of the fields of <paramref name="line"/>, a whole row checked.</summary>
    public (string[] Names, string[] Texts) Fields(byte[] line)
    {
        var reader = new Utf8JsonReader(line);
        Expect(ref reader, JsonTokenType.StartObject);
        var fields = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("f"u8))
            {
                ReadFields(ref reader);
                fields = true;
            }
            else if (fields && reader.ValueTextEquals("m"u8))
            {
                throw new JsonException("a state file's row has its model after its fields"); // Read took the row as one without a model
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (!fields)
        {
            throw new JsonException("a state file's row without 'f'");
        }

        if (reader.Read())
        {
            throw new JsonException("a state file's row goes on after its object");
        }

        return (Names(), Texts());
    }

    private void ReadFields(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        _names.Clear();
        _texts.Clear();
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var index = _names.Count;
            _names.Add(index < _lastNames.Length && reader.ValueTextEquals(_lastNames[index]) ? _lastNames[index] : StoredNames.At(ref reader));
            Expect(ref reader, JsonTokenType.String);
            _texts.Add(index < _lastTexts.Length && reader.ValueTextEquals(_lastTexts[index]) ? _lastTexts[index] : reader.GetString()!);
        }
    }

    // The row before's names when they are the same (rows share the array, which nobody changes), else a new array.
    private string[] Names()
    {
        if (_names.Count == _lastNames.Length)
        {
            var same = true;
            for (var i = 0; i < _lastNames.Length && same; i++)
            {
                same = ReferenceEquals(_names[i], _lastNames[i]);
            }

            if (same)
            {
                return _lastNames;
            }
        }

        return _lastNames = [.. _names];
    }

    private string[] Texts() => _lastTexts = [.. _texts];

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("a state file's row ends early");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new JsonException($"a state file's row has {reader.TokenType} where {type} belongs");
        }
    }
}
