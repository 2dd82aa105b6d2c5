using System.Text.Json.Serialization;

namespace ProductFlow.Pipelines;

/// <summary>What a feed is: some of a source's products, or all of them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedMode>))]
public enum FeedMode
{
    /// <summary>Upsert what the feed carries; products it does not carry stay as they are (default).</summary>
    [JsonStringEnumMemberName("partial")]
    Partial,

    /// <summary>The feed is the source's whole assortment: its SKUs that the feed no longer carries are marked removed (a tombstone version).</summary>
    [JsonStringEnumMemberName("full")]
    Full,
}
