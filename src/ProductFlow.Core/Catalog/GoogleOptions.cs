
namespace ProductFlow.Catalog;

/// <summary>The options of a <c>google-merchant</c> channel (catalog channel <c>"google": { ... }</c>).</summary>
public sealed class GoogleOptions
{
    /// <summary><c>tsv</c> (default) or <c>xml</c> (RSS 2.0 with the <c>g:</c> namespace).</summary>
    public string Format { get; set; } = "tsv";

    /// <summary>The product page: a Liquid template of record fields and attributes, such as <c>https://shop.example.com/p/{{ sku }}</c>. Required by Google.</summary>
    public string? Link { get; set; }

    /// <summary>The catalog fields behind Google's attributes (keys of <c>GoogleItem.DefaultAttributes</c> in <c>Channels/Google</c>), over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();

    /// <summary>The <c>condition</c> of products whose <c>condition</c> attribute is not mapped or empty. Default <c>new</c>.</summary>
    public string Condition { get; set; } = "new";

    /// <summary>The XML feed's <c>&lt;channel&gt;</c> title. Default the channel code.</summary>
    public string? FeedTitle { get; set; }

    /// <summary>The XML feed's <c>&lt;channel&gt;</c> link, the shop's home page. Default empty.</summary>
    public string FeedLink { get; set; } = "";

    /// <summary>The XML feed's <c>&lt;channel&gt;</c> description. Default empty.</summary>
    public string FeedDescription { get; set; } = "";
}
