using System.Text.Json;

namespace ProductFlow.JsonSchema.Validation;

/// <summary>One compiled keyword (or keyword family) of a schema.</summary>
/// <remarks>Implementations are immutable after compilation and shared across threads. They must
/// not allocate on the success path; messages are only built when <see cref="ValidationContext.Collecting"/>.</remarks>
internal abstract class KeywordValidator
{
    protected KeywordValidator(SchemaPosition position, string keyword)
    {
        KeywordSegment = Loading.JsonPointer.Escape(keyword);
        AbsoluteLocation = keyword.Length == 0 ? position.AbsoluteLocation : position.AbsoluteLocation + "/" + KeywordSegment;
    }

    /// <summary>The escaped keyword name appended to the keyword location of an error ("" for a false schema).</summary>
    public string KeywordSegment { get; }

    /// <summary>The keyword's absolute URI with JSON pointer fragment.</summary>
    public string AbsoluteLocation { get; }

    /// <summary>Validates; adds evaluated properties/items to <paramref name="evaluated"/> when it is not <c>null</c>.</summary>
    public abstract bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated);
}

/// <summary>Where a compiled schema sits: its resource URI and the pointer from that resource's root.</summary>
internal readonly record struct SchemaPosition(string ResourceUri, string Pointer)
{
    public string AbsoluteLocation => ResourceUri + "#" + Pointer;

    public SchemaPosition Child(string escapedSegments) => new(ResourceUri, Pointer + "/" + escapedSegments);
}
