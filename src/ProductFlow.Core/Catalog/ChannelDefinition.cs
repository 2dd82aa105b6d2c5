using ProductFlow.Expressions;

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

    /// <summary>What a publish writes by default: the whole assortment, or the changes since the current version (<c>publish --full</c> / <c>--delta</c> override it).</summary>
    /// <remarks>A kind whose removal policy is <see cref="Channels.RemovalPolicy.FullOnly"/> always publishes full files.</remarks>
    public ExportMode Mode { get; set; } = ExportMode.Full;

    /// <summary>How many published versions stay under <c>exports/&lt;channel&gt;/</c>; older ones are deleted after a publish. Default 10.</summary>
    public int KeepVersions { get; set; } = 10;

    /// <summary>When the channel is published unattended in service mode (cron and time zone); none by default.</summary>
    public ScheduleOptions? Schedule { get; set; }

    /// <summary>Only records for which this expression holds are published here (rule grammar, on the channel view): <c>stock &gt; 0 and market = 'DE'</c>.</summary>
    /// <remarks>A record that stops matching leaves the channel like a removed one: a tombstone in the next delta.</remarks>
    public string? Filter { get; set; }

    /// <summary><see cref="Filter"/>, parsed once when the catalog is loaded.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Expressions.RuleExpression? CompiledFilter { get; set; }

    /// <summary>The text encoding of a <c>partner-csv</c> file: <c>utf-8-bom</c> (default: Excel opens it right), <c>utf-8</c>, <c>windows-1252</c> or <c>iso-8859-1</c>.</summary>
    public string Encoding { get; set; } = "utf-8-bom";

    /// <summary>The decimal separator of numbers in a <c>partner-csv</c> file: <c>.</c> (default) or <c>,</c>.</summary>
    public string DecimalSeparator { get; set; } = ".";

    /// <summary>How a <c>partner-csv</c> file writes date attributes: a .NET date format such as <c>dd.MM.yyyy</c>; default ISO <c>yyyy-MM-dd</c>.</summary>
    public string? DateFormat { get; set; }

    /// <summary>The CSV delimiter. Default <c>,</c>.</summary>
    public string Delimiter { get; set; } = ",";

    public IReadOnlyList<ChannelColumn> Columns { get; set; } = [];

    /// <summary>Options of a <c>web-json</c> channel; <c>null</c> for the defaults.</summary>
    public WebOptions? Web { get; set; }

    /// <summary>Options of a <c>shopify-csv</c> channel; <c>null</c> for the defaults.</summary>
    public ShopifyOptions? Shopify { get; set; }

    /// <summary>Options of a <c>google-merchant</c> channel; <c>null</c> for the defaults.</summary>
    public GoogleOptions? Google { get; set; }

    /// <summary>Options of an <c>akeneo-csv</c> channel; <c>null</c> for the defaults (products).</summary>
    public AkeneoOptions? Akeneo { get; set; }

    /// <summary>Whether the channel publishes the store's product models rather than its products (an <c>akeneo-csv</c> channel of <c>product_models</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool PublishesModels => Akeneo?.Entity == AkeneoOptions.ProductModels;

    /// <summary><see cref="Schema"/>, compiled once when the catalog is loaded (formats asserted: channel schemas check URLs and dates).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public JsonSchema.JsonSchema? CompiledSchema { get; set; }

    /// <summary><see cref="CompiledSchema"/> as checks on a view's values, compiled with it; <c>null</c> when the schema uses keywords
    /// those checks do not cover (rule <c>schema</c> then validates the view's JSON; see <see cref="JsonSchema.FlatObjectSchema"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public JsonSchema.FlatObjectSchema? FlatSchema { get; set; }

    /// <summary>The absolute http(s) URL that media paths are resolved against in this channel's view (<c>https://cdn.example.com/media/</c>); default none.</summary>
    /// <remarks>A media value that is already an absolute URL is published as it is. A path without a base is published as it is too, and rule <c>media.unresolved</c> reports it.</remarks>
    public string? MediaBaseUrl { get; init; }

    /// <summary>The least share (0 to 1) of its family's required attributes a record needs to be published here (rule <c>completeness</c>). Default 0: no minimum.</summary>
    public double MinCompleteness { get; set; }

    /// <summary>The root of the channel's own category tree (its taxonomy) among the catalog's <c>categories</c>, if it has one.</summary>
    /// <remarks>A channel with a tree needs each record mapped into it: a pipeline feeding it has a <c>categoryMap</c> enricher for it whose
    /// targets are categories of the tree, and a record none of whose categories is mapped is kept off the channel (rule <c>category.unmapped</c>).</remarks>
    public string? CategoryTree { get; init; }

    /// <summary>Severity overrides by rule id for this channel's issues, such as <c>{"schema": "warning"}</c>.</summary>
    public IReadOnlyDictionary<string, Model.Severity> Severity { get; set; } = new Dictionary<string, Model.Severity>();
}
