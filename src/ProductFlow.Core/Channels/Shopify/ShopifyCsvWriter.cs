using System.Globalization;
using System.Net;
using CsvHelper;
using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels.Shopify;

/// <summary>Channel kind <c>shopify-csv</c>: Shopify's product CSV import, one handle per product model, a row per variant.</summary>
/// <remarks>
/// Machine-read: UTF-8 without byte order mark, RFC 4180 quoting, values unchanged (no formula guard; rule
/// <c>value.formula-like</c> warns instead). Product columns are filled on a handle's first row only; options are the
/// family variant's axes (at most three). A record without a model is a product of its own, handled by its SKU, with
/// Shopify's single option <c>Title</c> = <c>Default Title</c>. A delta archives each model that left: its handle and
/// <c>Status=archived</c>, since an import cannot delete.
/// </remarks>
internal sealed class ShopifyCsvWriter : IChannelWriter
{
    public const string Kind = "shopify-csv";

    /// <summary>Shopify's columns, in the order its import expects.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
        "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
        "Variant SKU", "Variant Grams", "Variant Inventory Qty", "Variant Price", "Variant Compare At Price",
        "Variant Barcode", "Image Src", "Image Position", "Status",
    ];

    /// <summary>The catalog fields behind Shopify's columns by default; <c>type</c> and <c>tags</c> are the family and the categories.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "name", ["body"] = "description", ["vendor"] = "brand", ["type"] = "family", ["tags"] = "categories",
        ["price"] = "price", ["compareAtPrice"] = "", ["inventory"] = "stock", ["weight"] = "weight", ["barcode"] = "gtin", ["image"] = "image",
    };

    /// <summary>The keys of <see cref="DefaultAttributes"/> whose values are written as text (and checked by <c>value.formula-like</c>).</summary>
    public static readonly IReadOnlyList<string> TextFields = ["title", "body", "vendor", "type", "tags", "barcode", "image"];

    private const int MaxOptions = 3;

    private readonly CsvWriter _csv;
    private readonly string?[] _row = new string?[Header.Count]; // reused row after row: WriteRecord copies the fields into its buffer
    private readonly ChannelView _view;
    private readonly ProductCatalog _catalog;
    private readonly ModelBatches _groups;
    private readonly string? _productCategory;
    private readonly List<string> _images = []; // a product's distinct images, reused product after product
    private readonly Dictionary<string, (string[] Axes, string[] Names)> _options = new(StringComparer.Ordinal); // by family

    // The field mapped to each column, and the weight's attribute: worked out once, not looked up by name per record.
    private readonly string? _title;
    private readonly string? _body;
    private readonly string? _vendor;
    private readonly string? _type;
    private readonly string? _tags;
    private readonly string? _weight;
    private readonly AttributeDefinition? _weightAttribute;
    private readonly string? _inventory;
    private readonly string? _price;
    private readonly string? _compareAtPrice;
    private readonly string? _barcode;
    private readonly string? _image;

    public ShopifyCsvWriter(ChannelView view, Stream output, ExportMode mode)
    {
        ArgumentNullException.ThrowIfNull(view);
        var channel = view.Channel;
        _view = view;
        _catalog = view.Catalog;
        var map = Map(channel);
        (_title, _body, _vendor, _type, _tags) = (map["title"], map["body"], map["vendor"], map["type"], map["tags"]);
        (_weight, _inventory, _price, _compareAtPrice) = (map["weight"], map["inventory"], map["price"], map["compareAtPrice"]);
        (_barcode, _image) = (map["barcode"], map["image"]);
        _weightAttribute = _weight is null ? null : view.Attribute(_weight);
        _productCategory = channel.Shopify?.ProductCategory;
        _groups = new ModelBatches(WriteProduct, mode);
        FileName = ChannelWriters.FileName(channel);
        _csv = CsvWriter.Create(output, CsvWriterOptions.Default with { WriteByteOrderMark = false, ValidateFieldCount = true }, leaveOpen: false);
        _csv.WriteRecord([.. Header]);
    }

    public string FileName { get; }

    /// <summary>The channel's field map: <see cref="DefaultAttributes"/> with the channel's <c>shopify.attributes</c> over them.</summary>
    public static FieldMap Map(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new FieldMap(DefaultAttributes, channel.Shopify?.Attributes);
    }

    /// <summary>A handle as Shopify writes them: lower case, each run of other characters than letters and digits one <c>-</c>, none at the ends.</summary>
    public static string Handle(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var handle = new System.Text.StringBuilder(code.Length);
        foreach (var c in code.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                handle.Append(c);
            }
            else if (handle.Length > 0 && handle[^1] != '-')
            {
                handle.Append('-');
            }
        }

        return handle.ToString().TrimEnd('-');
    }

    public void Write(ProductRecord record) => _groups.Add(record);

    public void WriteRemoval(string sku, string? model)
    {
        if (!_groups.IsFirstRemoval(model))
        {
            return;
        }

        var row = new string?[Header.Count];
        row[0] = Handle(model ?? sku);
        row[^1] = "archived";
        _csv.WriteRecord(row);
    }

    public ValueTask DisposeAsync()
    {
        _groups.Flush();
        return _csv.DisposeAsync();
    }

    private void WriteProduct(IReadOnlyList<ProductRecord> records)
    {
        var first = records[0];
        var (axes, options) = first.Parent is not null && first.Family is not null ? OptionsOf(first.Family) : ([], []);
        var handle = Handle(first.Parent ?? first.Sku);
        var images = _images;
        images.Clear();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var row = _row;
            Array.Clear(row);
            row[0] = handle;
            if (i == 0)
            {
                row[1] = Text(first, _title);
                row[2] = Html(Text(first, _body));
                row[3] = Text(first, _vendor);
                row[4] = _productCategory;
                row[5] = Text(first, _type);
                row[6] = Text(first, _tags)?.Replace(",", ", ", StringComparison.Ordinal);
                row[7] = "true";
                row[22] = "active";
            }

            if (axes.Length == 0)
            {
                row[8] = i == 0 ? "Title" : null;
                row[9] = "Default Title";
            }

            for (var a = 0; a < axes.Length; a++)
            {
                row[8 + (2 * a)] = i == 0 ? options[a] : null;
                row[9 + (2 * a)] = _view.Text(record, axes[a]);
            }

            row[14] = record.Sku;
            row[15] = _weight is not null && _view.Measure(record, _weight, _weightAttribute, "g") is { } grams ? Math.Round(grams, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) : null;
            row[16] = _view.Number(record, _inventory) is { } stock ? Math.Truncate(stock).ToString(CultureInfo.InvariantCulture) : null;
            row[17] = Money(record, _price);
            row[18] = Money(record, _compareAtPrice);
            row[19] = Text(record, _barcode);
            // One image per distinct URL (per colour, in the demo): a variant repeating its model's image adds nothing.
            if (Text(record, _image) is { } image && !images.Contains(image, StringComparer.Ordinal))
            {
                images.Add(image);
                row[20] = image;
                row[21] = images.Count.ToString(CultureInfo.InvariantCulture);
            }

            _csv.WriteRecord(row);
        }
    }

    /// <summary>A family's option axes (at most <see cref="MaxOptions"/>) and their names, worked out once per family.</summary>
    private (string[] Axes, string[] Names) OptionsOf(string family)
    {
        if (!_options.TryGetValue(family, out var options))
        {
            var axes = _catalog.FindFamilyVariant(family) is { } variant ? variant.Axes.Take(MaxOptions).ToArray() : [];
            _options.Add(family, options = (axes, Array.ConvertAll(axes, OptionName)));
        }

        return options;
    }

    // source: the field mapped to a column, if any.
    private string? Text(ProductRecord record, string? source) => source is null ? null : _view.Text(record, source);

    private string? Money(ProductRecord record, string? source) =>
        _view.Number(record, source)?.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An option's name: the axis attribute's code with a capital, such as <c>Color</c>.</summary>
    private static string OptionName(string axis) => axis.Length == 0 ? axis : char.ToUpperInvariant(axis[0]) + axis[1..].Replace('_', ' ');

    /// <summary>Plain text as HTML: escaped, each paragraph (blank-line separated) a <c>&lt;p&gt;</c>, single line breaks <c>&lt;br&gt;</c>.</summary>
    private static string? Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));
    }
}
