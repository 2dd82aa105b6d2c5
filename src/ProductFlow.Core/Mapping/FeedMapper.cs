using ProductFlow.Connectors;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Mapping;

/// <summary>Maps source rows to canonical records by a pipeline's declarative column mapping.</summary>
/// <remarks>
/// Compiled once per feed header: columns are resolved to indexes on the first row, not looked up per row.
/// The mapper only places raw text; checking and normalising values is the rule engine's job.
/// </remarks>
public sealed class FeedMapper : IRecordMapper
{
    /// <summary>The rule id recorded as the origin of a constant from the mapping.</summary>
    public const string ConstantOrigin = "mapping.constant";

    private readonly MappingOptions _mapping;
    private Compiled? _compiled;

    public FeedMapper(MappingOptions mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
    }

    /// <summary>The columns the mapping reads, which a feed must have.</summary>
    public IReadOnlyCollection<string> RequiredColumns =>
        Fields().SelectMany(f => new[] { f.Column, f.UnitColumn }).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public MappedRecord Map(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Problem is { } problem)
        {
            var unreadable = new MappedRecord(row, new ProductRecord("") { Feed = row.Feed, Line = row.Line });
            unreadable.Issues.Add(problem);
            return unreadable;
        }

        var compiled = _compiled is { } c && ReferenceEquals(c.Header, row.Header) ? c : _compiled = Compile(row.Header);
        var sku = compiled.Sku.Read(row)?.Trim() ?? "";
        var record = new ProductRecord(sku)
        {
            Feed = row.Feed,
            Line = row.Line,
            Parent = NullIfEmpty(compiled.Parent?.Read(row)),
            Family = NullIfEmpty(compiled.Family?.Read(row)),
        };
        var mapped = new MappedRecord(row, record);
        if (sku.Length == 0)
        {
            mapped.Issues.Add(new Issue(Severity.Error, RuleIds.SkuMissing, "the SKU is empty")
            { Feed = row.Feed, Line = row.Line, Column = compiled.Sku.Column, Field = "sku" });
        }

        ReadCategories(compiled.Categories, row, record);
        ReadEnabled(compiled.Enabled, row, mapped);
        foreach (var value in compiled.Values)
        {
            if (value.Read(row) is { } data)
            {
                var origin = value.Column is null ? ValueOrigin.FromRule(ConstantOrigin) : ValueOrigin.FromCell(row.Feed, row.Line, value.Column);
                record.Values.Add(new ProductValue(value.Mapping.Attribute!, value.Mapping.Locale, value.Mapping.Channel, data, origin)
                { Currency = value.Mapping.Currency, Unit = value.ReadUnit(row) });
            }
        }

        return mapped;
    }

    private static void ReadCategories(FieldReader? reader, SourceRow row, ProductRecord record)
    {
        if (reader?.Read(row) is not { } categories)
        {
            return;
        }

        foreach (var code in categories.Split(reader.Mapping.Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            record.Categories.Add(code);
        }
    }

    private static void ReadEnabled(FieldReader? reader, SourceRow row, MappedRecord mapped)
    {
        if (reader?.Read(row) is not { } text)
        {
            return;
        }

        if (BooleanText.TryParse(text, out var enabled))
        {
            mapped.Record.Enabled = enabled;
            return;
        }

        mapped.Issues.Add(new Issue(Severity.Error, RuleIds.BooleanFormat, $"'{Quoted.Text(text)}' is not a boolean (true/false, 1/0, yes/no)")
        { Sku = mapped.Record.Sku, Feed = row.Feed, Line = row.Line, Column = reader.Column, Field = "enabled", Value = text });
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private IEnumerable<ColumnMapping> Fields() =>
        new[] { _mapping.Sku, _mapping.Parent, _mapping.Family, _mapping.Categories, _mapping.Enabled }.OfType<ColumnMapping>().Concat(_mapping.Values);

    private Compiled Compile(FeedHeader header) => new(
        header,
        new FieldReader(_mapping.Sku, header),
        Optional(_mapping.Parent, header),
        Optional(_mapping.Family, header),
        Optional(_mapping.Categories, header),
        Optional(_mapping.Enabled, header),
        _mapping.Values.Select(v => new FieldReader(v, header)).ToArray());

    private static FieldReader? Optional(ColumnMapping? mapping, FeedHeader header) => mapping is null ? null : new FieldReader(mapping, header);

    private sealed record Compiled(
        FeedHeader Header,
        FieldReader Sku,
        FieldReader? Parent,
        FieldReader? Family,
        FieldReader? Categories,
        FieldReader? Enabled,
        FieldReader[] Values);
}
