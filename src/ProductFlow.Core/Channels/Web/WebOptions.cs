namespace ProductFlow.Channels.Web;

/// <summary>The options of a <c>web-json</c> channel (catalog channel <c>"web": { ... }</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The catalog fields behind the schema.org properties (keys of <see cref="WebJsonWriter.DefaultAttributes"/>), over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();
}
