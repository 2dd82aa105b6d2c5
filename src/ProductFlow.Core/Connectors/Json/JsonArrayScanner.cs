using System.Text.Json;

namespace ProductFlow.Connectors.Json;

/// <summary>Finds the elements of a top-level JSON array in a buffer that holds part of the file, with <see cref="Utf8JsonReader"/>.</summary>
/// <remarks>
/// Called with what is buffered; when an element is not complete yet it asks for more and keeps the reader state of
/// the element's start, so the caller refills the buffer from there. Only one element is ever held whole.
/// </remarks>
internal sealed class JsonArrayScanner
{
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private bool _inArray;

    public bool Done { get; private set; }

    /// <summary>Looks for the next element in <paramref name="data"/>; <paramref name="consumed"/> bytes of it are finished with.</summary>
    public JsonScan Next(ReadOnlySpan<byte> data, bool final, out int consumed, out Range element)
    {
        element = default;
        var reader = new Utf8JsonReader(data, final, _state);
        while (true)
        {
            var checkpoint = reader.CurrentState;
            var before = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                consumed = before;
                _state = checkpoint;
                return final && !Done ? JsonScan.CutOff : JsonScan.NeedMore;
            }

            if (!_inArray)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    consumed = before;
                    return JsonScan.NotAnArray;
                }

                _inArray = true;
                continue;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Done = true;
                consumed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return JsonScan.End;
            }

            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                consumed = before;
                _state = checkpoint;
                return final ? JsonScan.CutOff : JsonScan.NeedMore;
            }

            consumed = (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            element = start..consumed;
            return JsonScan.Element;
        }
    }
}

/// <summary>What <see cref="JsonArrayScanner.Next"/> found.</summary>
internal enum JsonScan
{
    NeedMore,
    Element,
    End,
    NotAnArray,
    CutOff,
}
