using System.Text.Json.Serialization;

namespace ProductFlow.Catalog;

/// <summary>The type of an attribute, which decides how its raw text is checked and how channels format it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttributeType>))]
public enum AttributeType
{
    [JsonStringEnumMemberName("text")]
    Text,
    [JsonStringEnumMemberName("textarea")]
    Textarea,
    [JsonStringEnumMemberName("identifier")]
    Identifier,
    [JsonStringEnumMemberName("number")]
    Number,
    [JsonStringEnumMemberName("price")]
    Price,
    [JsonStringEnumMemberName("metric")]
    Metric,
    [JsonStringEnumMemberName("boolean")]
    Boolean,
    [JsonStringEnumMemberName("date")]
    Date,
    [JsonStringEnumMemberName("select")]
    Select,
    [JsonStringEnumMemberName("multi-select")]
    MultiSelect,
    [JsonStringEnumMemberName("url")]
    Url,

    /// <summary>An image or a file: an absolute http(s) URL, or a path (Akeneo's <c>files/...</c>) that a channel's <c>mediaBaseUrl</c> turns into a URL.</summary>
    [JsonStringEnumMemberName("media")]
    Media,
}
