namespace ProductFlow.JsonSchema.Loading;

/// <summary>Which draft a schema resource is written in and which vocabularies are active.</summary>
internal sealed record Dialect(bool IsDraft7, Vocabularies Vocabularies)
{
    public const string Draft202012Uri = "https://json-schema.org/draft/2020-12/schema";
    public const string Draft07Uri = "http://json-schema.org/draft-07/schema";

    public static Dialect Draft202012 { get; } = new(false, Vocabularies.All2020);

    public static Dialect Draft07 { get; } = new(true, Vocabularies.All2020);

    public bool Has(Vocabularies vocabulary) => (Vocabularies & vocabulary) != 0;

    /// <summary>The dialect a well-known <c>$schema</c> URI names, or <c>null</c>.</summary>
    public static Dialect? FromKnownUri(string uri)
    {
        var trimmed = uri.TrimEnd('#');
        return trimmed switch
        {
            Draft202012Uri => Draft202012,
            Draft07Uri or "http://json-schema.org/draft-06/schema" => Draft07,
            "https://json-schema.org/draft-07/schema" => Draft07,
            _ => null,
        };
    }

    /// <summary>Maps a 2020-12 vocabulary URI to its flag; <c>null</c> when unknown.</summary>
    public static Vocabularies? VocabularyFromUri(string uri) => uri switch
    {
        "https://json-schema.org/draft/2020-12/vocab/core" => Vocabularies.Core,
        "https://json-schema.org/draft/2020-12/vocab/applicator" => Vocabularies.Applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated" => Vocabularies.Unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation" => Vocabularies.Validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data" => Vocabularies.MetaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation" => Vocabularies.FormatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion" => Vocabularies.FormatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content" => Vocabularies.Content,
        _ => null,
    };
}

/// <summary>The draft 2020-12 vocabularies; draft-07 behaves as if all were on.</summary>
[Flags]
internal enum Vocabularies
{
    None = 0,
    Core = 1,
    Applicator = 2,
    Unevaluated = 4,
    Validation = 8,
    MetaData = 16,
    FormatAnnotation = 32,
    FormatAssertion = 64,
    Content = 128,
    All2020 = Core | Applicator | Unevaluated | Validation | MetaData | FormatAnnotation | Content,
}
