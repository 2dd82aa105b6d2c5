namespace ProductFlow.Store.Sqlite;

/// <summary>Texts read row after row from one column that repeats a few values (<c>blocked</c>, <c>checked</c>): a value like the last is that same string, not a new one.</summary>
internal sealed class Utf8Strings
{
    private byte[] _bytes = [];
    private string _text = "";

    /// <summary>The text of <paramref name="utf8"/>: the last one's string when the bytes are the same.</summary>
    public string Of(ReadOnlySpan<byte> utf8)
    {
        if (!utf8.SequenceEqual(_bytes))
        {
            _bytes = utf8.ToArray();
            _text = System.Text.Encoding.UTF8.GetString(utf8);
        }

        return _text;
    }
}
