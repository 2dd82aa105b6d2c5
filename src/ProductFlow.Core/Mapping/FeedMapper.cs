using System.Globalization;
using System.Text.RegularExpressions;
using ProductFlow.Connectors;
using ProductFlow.Pipelines.Transforms;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Mapping;

/// <summary>Maps source rows to canonical records by a pipeline's declarative column mapping and its transformations.</summary>
/// <remarks>
/// The transformations (templates, patterns, steps) are compiled once, when the mapper is made; columns are resolved to indexes
/// on the first row of a feed, not looked up per row. The mapper places text; checking and normalising values by their
/// attribute types is the rule engine's job. A value a transformation made or changed names it in its lineage.
/// </remarks>
public sealed class FeedMapper : IRecordMapper
{
    /// <summary>The rule id recorded as the origin of a constant from the mapping.</summary>
    public const string ConstantOrigin = "mapping.constant";

    /// <summary>The values a record is sized for beyond its mapped ones when the mapper is not told: what enrichers typically add.</summary>
    private const int EnrichedValues = 2;

    [ThreadStatic]
    private static ValueCell[]? _cells;

    private readonly MappingOptions _mapping;
    private readonly int _valuesAdded;
    private readonly Dictionary<ColumnMapping, FieldTransforms> _transforms = new(ReferenceEqualityComparer.Instance);
    private Compiled? _compiled;

    // The categories of the last row and their codes, the list of every record mapped from them: a feed repeats a model's categories on
    // each of its rows.
    private string? _categories;
    private string[] _categoryCodes = [];

    /// <param name="mapping">The pipeline's mapping.</param>
    /// <param name="culture">The source's culture (<c>source.culture</c>), for case steps of fields that declare none; invariant when <c>null</c>.</param>
    /// <param name="valuesAdded">How many values the rules may add to a record (its enrichers'): a record's values are sized for them.</param>
    /// <exception cref="ArgumentException">A transformation is not valid (the pipeline loader reports it first).</exception>
    public FeedMapper(MappingOptions mapping, string? culture = null, int valuesAdded = EnrichedValues)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentOutOfRangeException.ThrowIfNegative(valuesAdded);
        _mapping = mapping;
        _valuesAdded = valuesAdded;
        foreach (var field in Fields())
        {
            _transforms[field] = FieldTransforms.Compile(field, CultureOf(field.Culture ?? culture));
        }
    }

    /// <summary>The mapper of <paramref name="definition"/>: its mapping, its source's culture, and room in each record for what its enrichers add.</summary>
    public static FeedMapper For(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new FeedMapper(definition.Mapping, definition.Source.Culture, definition.Enrich.Sum(e => e.ValuesAdded));
    }

    /// <summary>The columns the mapping reads, which a feed must have.</summary>
    public IReadOnlyCollection<string> RequiredColumns =>
        Fields()
            .SelectMany(f => new[] { f.Column, f.UnitColumn }.Concat(_transforms[f].Template?.Columns ?? []))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public MappedRecord Map(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Problem is { } problem)
        {
            var unreadable = new MappedRecord(row, new ProductRecord("") { Feed = row.Feed, Line = row.Line });
            unreadable.AddIssue(problem);
            return unreadable;
        }

        var compiled = CompiledFor(row.Header);
        List<Issue>? timeouts = null;
        var sku = Read(compiled.Sku, row, "sku", ref timeouts, out _)?.Trim() ?? "";
        var skuTimedOut = timeouts is not null;
        var record = new ProductRecord(sku)
        {
            Feed = row.Feed,
            Line = row.Line,
            Parent = NullIfEmpty(Read(compiled.Parent, row, "parent", ref timeouts, out _)),
            Family = NullIfEmpty(Read(compiled.Family, row, "family", ref timeouts, out _)),
        };
        var mapped = new MappedRecord(row, record);
        if (sku.Length == 0 && !skuTimedOut)
        {
            mapped.AddIssue(new Issue(Severity.Error, RuleIds.SkuMissing, "the SKU is empty")
            { Feed = row.Feed, Line = row.Line, Column = compiled.Sku.Column, Field = "sku" });
        }

        ReadCategories(Read(compiled.Categories, row, "categories", ref timeouts, out _), compiled.Categories, record);
        ReadEnabled(Read(compiled.Enabled, row, "enabled", ref timeouts, out _), compiled.Enabled, row, mapped);

        // The row's values are read into a buffer first, then the record's values are made once to hold them and what enrichers
        // add (a title, a default): not sized for every mapped column (blank cells give no value), nor doubled as they come.
        var cells = _cells is { } buffer && buffer.Length >= compiled.Values.Length ? buffer : _cells = new ValueCell[compiled.Values.Length];
        var count = 0;
        foreach (var value in compiled.Values)
        {
            if (Read(value, row, value.Mapping.Attribute!, ref timeouts, out var rule) is { } data)
            {
                cells[count++] = Cell(value, data, row, rule);
            }
        }

        record.Values.EnsureCapacity(count + _valuesAdded);
        record.Values.AddRange(cells.AsSpan(0, count));
        Array.Clear(cells, 0, count); // holds no row's values once they are the record's

        foreach (var timeout in timeouts ?? [])
        {
            mapped.AddIssue(timeout with { Sku = sku.Length > 0 ? sku : null });
        }

        return mapped;
    }

    /// <summary>The SKU and parent <see cref="Map"/> reads (with the same transformations), and no more; a feed mapped here holds no product models.</summary>
    public RowIdentity Identify(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Problem is not null)
        {
            return new RowIdentity("", null, false);
        }

        var compiled = CompiledFor(row.Header);
        List<Issue>? timeouts = null;
        var sku = Read(compiled.Sku, row, "sku", ref timeouts, out _)?.Trim() ?? "";
        return new RowIdentity(sku, NullIfEmpty(Read(compiled.Parent, row, "parent", ref timeouts, out _)), false);
    }

    /// <summary>The columns the SKU and the parent are read from, with their transformations' (a template's columns): all that <see cref="Identify"/> reads.</summary>
    public IReadOnlyCollection<int> IdentityColumns(FeedHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var compiled = CompiledFor(header);
        return compiled.Sku.ColumnIndexes.Concat(compiled.Parent?.ColumnIndexes ?? []).Distinct().ToList();
    }

    /// <summary>A value read by <paramref name="value"/>: a cell of its column (changed by the mapping's <paramref name="rule"/> if any), or a constant.</summary>
    private static ValueCell Cell(FieldReader value, string data, SourceRow row, string? rule)
    {
        var unit = value.ReadUnit(row);
        if (value.CellOrigin is not { } column)
        {
            return new ValueCell(value.Slot!, data, unit, ValueOrigin.FromRule(rule is null ? ConstantOrigin : ConstantOrigin + ", " + rule));
        }

        var cell = new ValueCell(value.Slot!, data, unit, column.Of(ValueOrigin.OfFeed(row.Feed)), row.Line);
        return rule is null ? cell : cell.ChangedBy(rule);
    }

    /// <summary>Reads a field; a regular expression that runs too long leaves the field without a value and adds an error (the record is rejected).</summary>
    private static string? Read(FieldReader? reader, SourceRow row, string field, ref List<Issue>? timeouts, out string? rule)
    {
        rule = null;
        if (reader is null)
        {
            return null;
        }

        try
        {
            return reader.Read(row, out rule);
        }
        catch (RegexMatchTimeoutException e)
        {
            (timeouts ??= []).Add(new Issue(
                Severity.Error,
                RuleIds.MappingTimeout,
                $"a regular expression of the mapping of '{field}' took longer than {e.MatchTimeout.TotalMilliseconds:0} ms on this value: simplify the pattern")
            { Feed = row.Feed, Line = row.Line, Column = reader.Column, Field = field, Value = e.Input });
            return null;
        }
    }

    private void ReadCategories(string? categories, FieldReader? reader, ProductRecord record)
    {
        if (categories is null)
        {
            return;
        }

        if (!string.Equals(categories, _categories, StringComparison.Ordinal))
        {
            _categoryCodes = categories.Split(reader!.Mapping.Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            _categories = categories;
        }

        record.Categories = _categoryCodes; // shared by the rows that follow with the same categories: a record's list is not changed in place
    }

    private static void ReadEnabled(string? text, FieldReader? reader, SourceRow row, MappedRecord mapped)
    {
        if (text is null)
        {
            return;
        }

        if (BooleanText.TryParse(text, out var enabled))
        {
            mapped.Record.Enabled = enabled;
            return;
        }

        mapped.AddIssue(new Issue(Severity.Error, RuleIds.BooleanFormat, $"'{Quoted.Text(text)}' is not a boolean (true/false, 1/0, yes/no)")
        { Sku = mapped.Record.Sku, Feed = row.Feed, Line = row.Line, Column = reader!.Column, Field = "enabled", Value = text });
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static CultureInfo CultureOf(string? name) => name is null ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name, predefinedOnly: true);

    private IEnumerable<ColumnMapping> Fields() =>
        new[] { _mapping.Sku, _mapping.Parent, _mapping.Family, _mapping.Categories, _mapping.Enabled }.OfType<ColumnMapping>().Concat(_mapping.Values);

    /// <summary>The mapping compiled against <paramref name="header"/>: kept while the rows share it (one feed's rows do).</summary>
    private Compiled CompiledFor(FeedHeader header) =>
        _compiled is { } compiled && ReferenceEquals(compiled.Header, header) ? compiled : _compiled = Compile(header);

    private Compiled Compile(FeedHeader header) => new(
        header,
        Reader(_mapping.Sku, header)!,
        Reader(_mapping.Parent, header),
        Reader(_mapping.Family, header),
        Reader(_mapping.Categories, header),
        Reader(_mapping.Enabled, header),
        _mapping.Values.Select(v => Reader(v, header)!).ToArray());

    private FieldReader? Reader(ColumnMapping? mapping, FeedHeader header) => mapping is null ? null : new FieldReader(mapping, _transforms[mapping], header);

    private sealed record Compiled(
        FeedHeader Header,
        FieldReader Sku,
        FieldReader? Parent,
        FieldReader? Family,
        FieldReader? Categories,
        FieldReader? Enabled,
        FieldReader[] Values);
}
