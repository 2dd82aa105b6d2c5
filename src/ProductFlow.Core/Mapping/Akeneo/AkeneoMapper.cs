using ProductFlow.Catalog;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Akeneo;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Mapping.Akeneo;

/// <summary>Maps the rows of an Akeneo product or product-model export to canonical records by the export's own column names and the catalog.</summary>
/// <remarks>
/// The header says which export a file is: <c>sku</c> for products, <c>code</c> (with <c>family_variant</c> and <c>parent</c>) for product
/// models (<c>product_models.csv</c>); a file with both holds both, a row being a model when its SKU is empty. A model's family is its
/// family variant's.
/// Values are kept byte-for-byte (Akeneo's literal two-character <c>\n</c> stays as it is); only the SKU, family and
/// parent are trimmed. <c>categories</c> and <c>groups</c> are comma-separated codes; <c>enabled</c> is <c>1</c>/<c>0</c>;
/// association columns (<c>X_SELL-products</c>, <c>PACK-products</c> with <c>PACK-products-quantity</c>, ...) become the record's
/// associations (<c>association.quantity</c> when the quantities do not match the codes). A metric's <c>-unit</c> column gives its value's unit, which the rules
/// convert to the catalog's unit (<c>unit.unknown</c> when it is not of the attribute's family); for a number measured in
/// a unit ProductFlow cannot convert, the unit must be the catalog's (<c>metric.unit</c>). A filled cell in a column that names no
/// attribute, locale, channel or currency of the catalog is a warning (<c>akeneo.column</c>), never read silently.
/// </remarks>
public sealed class AkeneoMapper : IRecordMapper
{
    private readonly ProductCatalog _catalog;
    private (FeedHeader Header, (AkeneoColumn[] Columns, int Sku, int Code) Columns)? _compiled;
    private ColumnOrigin[] _cellOrigins = []; // the origin the values of each column of the compiled header share

    public AkeneoMapper(ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>None the reader checks: a product export needs <c>sku</c>, a product-model export <c>code</c>, which the mapper checks once it sees the header.</summary>
    public IReadOnlyCollection<string> RequiredColumns { get; } = [];

    public MappedRecord Map(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Problem is { } problem)
        {
            var unreadable = new MappedRecord(row, new ProductRecord("") { Feed = row.Feed, Line = row.Line });
            unreadable.AddIssue(problem);
            return unreadable;
        }

        var (columns, skuIndex, codeIndex) = Compile(row);
        var sku = skuIndex < 0 ? "" : row[skuIndex].Trim();
        var code = codeIndex < 0 ? "" : row[codeIndex].Trim();

        // A row with a SKU is a product; a row with a code (and no SKU) a product model: product_models.csv, or a combined export.
        var model = sku.Length == 0 && codeIndex >= 0 && (code.Length > 0 || skuIndex < 0);
        var record = new ProductRecord(model ? code : sku) { Feed = row.Feed, Line = row.Line, IsModel = model };
        var mapped = new MappedRecord(row, record);
        if (record.Sku.Length == 0)
        {
            var (column, what) = model ? ("code", "the product model's code") : ("sku", "the SKU");
            mapped.AddIssue(Issue(Severity.Error, RuleIds.SkuMissing, what + " is empty", row, "", column, column, ""));
        }

        for (var i = 0; i < columns.Length; i++)
        {
            var data = row[i];
            if (data.Length > 0)
            {
                Read(columns[i], _cellOrigins[i], data, row, mapped);
            }
        }

        ApplyUnits(columns, row, record);
        ApplyQuantities(columns, row, mapped);

        return mapped;
    }

    /// <summary>The <c>sku</c>, <c>code</c> and <c>parent</c> columns: all that a record's SKU (or model code), its parent and whether it is a model come from.</summary>
    /// <remarks>The header's checks are <see cref="Map"/>'s, made on the first row as in a full read.</remarks>
    public IReadOnlyCollection<int> IdentityColumns(FeedHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Enumerable.Range(0, header.Columns.Count)
            .Where(i => AkeneoColumn.Parse(header.Columns[i], _catalog).Field is AkeneoField.Sku or AkeneoField.Code or AkeneoField.Parent)
            .ToList();
    }

    private void Read(AkeneoColumn column, ColumnOrigin cellOrigin, string data, SourceRow row, MappedRecord mapped)
    {
        var record = mapped.Record;
        switch (column.Field)
        {
            case AkeneoField.Family:
                record.Family = NullIfBlank(data);
                break;
            case AkeneoField.FamilyVariant when record.IsModel:
                // The family variant names the model's family: product_models.csv has no family column.
                record.FamilyVariant = NullIfBlank(data);
                record.Family = record.FamilyVariant is { } familyVariant ? _catalog.FindFamilyVariantByCode(familyVariant)?.Family : null;
                break;
            case AkeneoField.Parent:
                record.Parent = NullIfBlank(data);
                break;
            case AkeneoField.Categories:
                record.Categories = [.. record.Categories, .. data.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

                break;
            case AkeneoField.Enabled when BooleanText.TryParse(data, out var enabled):
                record.Enabled = enabled;
                break;
            case AkeneoField.Enabled:
                mapped.AddIssue(Issue(Severity.Error, RuleIds.BooleanFormat, $"'{Quoted.Text(data)}' is not a boolean (1/0)", row, record.Sku, column.Name, "enabled", data));
                break;
            case AkeneoField.Value:
                record.Values.Add(new ValueCell(
                    ValueSlot.Of(column.Attribute!.Code, column.Locale, column.Scope, column.Currency), data, unit: null, cellOrigin.Of(ValueOrigin.OfFeed(row.Feed)), row.Line));
                break;
            case AkeneoField.Unit when column.Attribute!.Type == AttributeType.Metric:
                break; // given to the metric's values by ApplyUnits once the whole row is read
            case AkeneoField.Unit when column.Attribute!.Unit is { } unit && !string.Equals(unit, data.Trim(), StringComparison.OrdinalIgnoreCase):
                mapped.AddIssue(Issue(
                    Severity.Error, RuleIds.MetricUnit, $"the value is in {Quoted.Text(data.Trim())}, but the catalog's unit for '{column.Attribute.Code}' is {unit} (units are not converted)",
                    row, record.Sku, column.Name, column.Attribute.Code, data));
                break;
            case AkeneoField.Groups:
                record.Groups = [.. record.Groups, .. Codes(data)];

                break;
            case AkeneoField.Association:
                record.Associations = [.. record.Associations, .. Codes(data).Select(code => new ProductAssociation(column.AssociationType!, column.Target, code))];

                break;
            case AkeneoField.AssociationQuantity:
                break; // given to the association's codes by ApplyQuantities once the whole row is read
            case AkeneoField.Unknown:
                mapped.AddIssue(Issue(Severity.Warning, RuleIds.AkeneoColumn, $"column '{Quoted.Text(column.Name)}' was not read: {column.Reason}", row, record.Sku, column.Name, null, data));
                break;
        }
    }

    /// <summary>Gives each metric value the unit of its <c>-unit</c> column (same attribute and scope), wherever that column stands in the row.</summary>
    private static void ApplyUnits(AkeneoColumn[] columns, SourceRow row, ProductRecord record)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (column.Field != AkeneoField.Unit || column.Attribute?.Type != AttributeType.Metric || row[i].Trim() is not { Length: > 0 } unit)
            {
                continue;
            }

            var values = record.Values;
            for (var v = 0; v < values.Count; v++)
            {
                var value = values.Cells[v];
                if (value.Attribute == column.Attribute.Code && value.Locale == column.Locale && value.Channel == column.Scope)
                {
                    values.Set(v, value.WithUnit(unit));
                }
            }
        }
    }

    /// <summary>Gives the codes of each quantified association the quantities of its <c>-quantity</c> column (<c>2|8</c>, in the codes' order).</summary>
    private static void ApplyQuantities(AkeneoColumn[] columns, SourceRow row, MappedRecord mapped)
    {
        var record = mapped.Record;
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (column.Field != AkeneoField.AssociationQuantity || row[i].Trim() is not { Length: > 0 } text)
            {
                continue;
            }

            var indexes = Enumerable.Range(0, record.Associations.Count)
                .Where(a => record.Associations[a].Type == column.AssociationType && record.Associations[a].Target == column.Target).ToList();
            var quantities = text.Split('|', StringSplitOptions.TrimEntries);
            if (quantities.Length != indexes.Count || !quantities.All(q => int.TryParse(q, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0))
            {
                mapped.AddIssue(Issue(
                    Severity.Error, RuleIds.AssociationQuantity,
                    $"'{Quoted.Text(text)}' does not give one positive whole quantity per code of '{column.AssociationType}' ({indexes.Count}, separated by |)",
                    row, record.Sku, column.Name, null, text));
                continue;
            }

            var associations = record.Associations.ToArray();
            for (var q = 0; q < quantities.Length; q++)
            {
                associations[indexes[q]] = associations[indexes[q]] with { Quantity = int.Parse(quantities[q], System.Globalization.CultureInfo.InvariantCulture) };
            }

            record.Associations = associations;
        }
    }

    private static string[] Codes(string data) => data.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The columns of the row's header, parsed once per header, with the index of <c>sku</c> and of <c>code</c> (-1 when absent).</summary>
    /// <exception cref="FeedReadException">The header has neither a <c>sku</c> nor a <c>code</c> column, or one of them twice.</exception>
    private (AkeneoColumn[] Columns, int Sku, int Code) Compile(SourceRow row)
    {
        var header = row.Header;
        if (_compiled is { } compiled && ReferenceEquals(compiled.Header, header))
        {
            return compiled.Columns;
        }

        var columns = header.Columns.Select(c => AkeneoColumn.Parse(c, _catalog)).ToArray();
        foreach (var field in new[] { AkeneoField.Sku, AkeneoField.Code })
        {
            if (columns.Count(c => c.Field == field) > 1)
            {
                throw new FeedReadException($"{row.Feed}: line 1: column '{field.ToString().ToLowerInvariant()}' appears more than once in the header", row.Feed, 1);
            }
        }

        var result = (columns, Array.FindIndex(columns, c => c.Field == AkeneoField.Sku), Array.FindIndex(columns, c => c.Field == AkeneoField.Code));
        if (result.Item2 < 0 && result.Item3 < 0)
        {
            throw new FeedReadException(
                $"{row.Feed}: line 1: an Akeneo export needs a 'sku' column (products) or a 'code' column (product models) (found: {Quoted.List(header.Columns)})", row.Feed, 1);
        }

        _cellOrigins = columns.Select(c => new ColumnOrigin(c.Name)).ToArray();
        _compiled = (header, result);
        return result;
    }

    private static Issue Issue(Severity severity, string rule, string message, SourceRow row, string sku, string column, string? field, string value) =>
        new(severity, rule, message) { Sku = sku.Length == 0 ? null : sku, Feed = row.Feed, Line = row.Line, Column = column, Field = field, Value = value };

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
