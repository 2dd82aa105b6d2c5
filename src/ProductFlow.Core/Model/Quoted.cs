namespace ProductFlow.Model;

/// <summary>Input quoted in a message, cut to <see cref="MaxLength"/> characters: a message stays one readable line whatever the feed holds.</summary>
/// <remarks>
/// A header decoded with the wrong encoding is one 100 KB "column", a field can hold 10 MB: a message that quoted them whole
/// filled a terminal and the report. The issue keeps the whole value in its <c>value</c>; the message needs a glimpse.
/// </remarks>
public static class Quoted
{
    /// <summary>The most characters of input a message quotes.</summary>
    public const int MaxLength = 200;

    /// <summary><paramref name="text"/>, or its first <see cref="MaxLength"/> characters and how many more there were.</summary>
    public static string Text(string? text)
    {
        if (text is null || text.Length <= MaxLength)
        {
            return text ?? "";
        }

        // Never split a surrogate pair: half a character is not text.
        var cut = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text.AsSpan(0, cut)}… ({text.Length - cut:N0} more characters)");
    }

    /// <summary>Items joined with <c>, </c>, quoted as one text (<see cref="Text"/>).</summary>
    public static string List(IEnumerable<string> items) => Text(string.Join(", ", items));
}
