namespace ProductFlow.Catalog;

/// <summary>A publication channel: its kind (output format), locale, currency, rules and output settings.</summary>
public sealed class ChannelDefinition
{
    public required string Code { get; init; }

    /// <summary>The writer that produces the channel's output, such as <c>partner-csv</c>.</summary>
    public required string Kind { get; init; }

    public required string Locale { get; init; }

    public string? Currency { get; init; }

    /// <summary>A JSON Schema (relative to the catalog file) that every record's channel view must satisfy.</summary>
    public string? Schema { get; init; }

    /// <summary>The name of the data file under <c>exports/&lt;channel&gt;/</c>. Default <c>&lt;code&gt;</c> with the kind's extension (<c>.csv</c>, <c>.jsonl</c>, <c>.tsv</c> or <c>.xml</c>).</summary>
    public string? File { get; init; }

    /// <summary>The CSV delimiter. Default <c>,</c>.</summary>
    public string Delimiter { get; set; } = ",";

    public IReadOnlyList<ChannelColumn> Columns { get; set; } = [];

    /// <summary>Options of a <c>web-json</c> channel; <c>null</c> for the defaults.</summary>
    public Channels.Web.WebOptions? Web { get; set; }

    /// <summary>Options of a <c>shopify-csv</c> channel; <c>null</c> for the defaults.</summary>
    public Channels.Shopify.ShopifyOptions? Shopify { get; set; }

    /// <summary>Options of a <c>google-merchant</c> channel; <c>null</c> for the defaults.</summary>
    public Channels.Google.GoogleOptions? Google { get; set; }

    /// <summary><see cref="Schema"/>, compiled once when the catalog is loaded (formats asserted: channel schemas check URLs and dates).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public JsonSchema.JsonSchema? CompiledSchema { get; set; }

    /// <summary>The least share (0 to 1) of its family's required attributes a record needs to be published here (rule <c>completeness</c>). Default 0: no minimum.</summary>
    public double MinCompleteness { get; set; }

    /// <summary>Severity overrides by rule id for this channel's issues, such as <c>{"schema": "warning"}</c>.</summary>
    public IReadOnlyDictionary<string, Model.Severity> Severity { get; set; } = new Dictionary<string, Model.Severity>();
}
