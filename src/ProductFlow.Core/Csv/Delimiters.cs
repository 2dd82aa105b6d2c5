namespace ProductFlow.Csv;

/// <summary>Reads a delimiter as pipeline and catalog files write it: one character, or <c>tab</c> / <c>\t</c>.</summary>
public static class Delimiters
{
    public static char? Parse(string? text) => text switch
    {
        null or "" => null,
        "tab" or "\\t" => '\t',
        _ => text[0],
    };
}
