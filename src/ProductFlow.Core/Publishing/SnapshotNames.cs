using System.Text.Json;
using ProductFlow.Json;

namespace ProductFlow.Publishing;

/// <summary>The field names of one shape of rows (the fields a record has), shared by the rows of that shape, with their JSON encoding.</summary>
/// <remarks>
/// The state file's writer writes a row's names encoded once per shape instead of transcoding and escape-checking them row after
/// row; they are encoded on first use (a preview writes no state file) with the writer's encoder, the default, so the bytes are
/// those of the names written as strings.
/// </remarks>
internal sealed class SnapshotNames(string[] names)
{
    private JsonEncodedText?[]? _encoded;

    /// <summary>The names, ordinal; nobody changes the array.</summary>
    public string[] Names { get; } = names;

    /// <summary>Name <paramref name="index"/> encoded as the state file's writer escapes it; null for one it writes from its string.</summary>
    public JsonEncodedText? Encoded(int index) => (_encoded ??= Encode(Names))[index];

    private static JsonEncodedText?[] Encode(string[] names) => Array.ConvertAll(names, name => JsonWriting.TryEncode(name));
}
