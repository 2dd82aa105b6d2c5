using BenchmarkDotNet.Attributes;
using ProductFlow.Bench.Feeds;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Connectors;
using ProductFlow.Csv;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Rules;
using ProductFlow.Rules.Enrichers;

namespace ProductFlow.Bench;

/// <summary>
/// <c>micro</c>: BenchmarkDotNet per-record costs of the demo pipeline's hot steps, on records of a generated feed that went
/// through its mapping and rules: the GTIN check, the Fluid title template, a guarded CSV row, the stored document written and read back,
/// each channel's writer and the publisher's snapshot row of a record (<see cref="ChannelFields"/>) and its gzipped state line, written and read back.
/// </summary>
/// <remarks>The per-record benchmarks run over <see cref="Batch"/> records in channel order (model-grouped writers flush a model
/// when the next begins) and report the time per record.</remarks>
[MemoryDiagnoser]
public class PipelineMicroBenchmarks
{
    private const int Batch = 1000;

    private ProductCatalog _catalog = null!;
    private List<ProductRecord> _records = null!;
    private List<MappedRecord> _mapped = null!;
    private List<string[]> _rows = null!;
    private TemplateEnricher _template = null!;
    private RuleContext _context = null!;
    private ChannelFields _fields = null!;
    private SnapshotRow[] _snapshot = null!;
    private byte[] _state = null!;
    private byte[][] _stored = null!;
    private readonly ProductFlow.Store.ProductDocument _document = new();

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "productflow-bench");
        var feed = GenerateCommand.Cached(folder, "csv", 5_000, 42);
        var pipeline = PipelineLoader.Load(Path.Combine(Stages.StagesCommand.RepositoryRoot(), "pipelines", "demo.json"));
        _catalog = pipeline.Catalog;
        var mapper = FeedMapper.For(pipeline.Definition);
        var source = new FeedSource(feed) { RequiredColumns = mapper.RequiredColumns };
        _mapped = [];
        _rows = [];
        using (var rules = RuleSet.Create(pipeline, ChannelRules.For))
        {
            _context = rules.Context;
            foreach (var row in FeedReaders.For("csv").ReadAsync(source).ToBlockingEnumerable())
            {
                _rows.Add(row.Fields.ToArray());
                foreach (var done in rules.Apply(mapper.Map(row)))
                {
                    if (!done.IsRejected)
                    {
                        _mapped.Add(done);
                    }
                }
            }
        }

        _records = _mapped.Select(m => m.Record).Take(Batch).OrderBy(r => r.Parent ?? r.Sku, StringComparer.Ordinal).ThenBy(r => r.Sku, StringComparer.Ordinal).ToList();
        _rows = _rows.Take(Batch).ToList();
        _template = new TemplateEnricher(pipeline.Definition.Enrich.First(e => e.Kind == "template"));
        // The web channel publishes its whole channel view: the widest snapshot row of the demo's channels.
        _fields = new ChannelFields(new ChannelView(_catalog.FindChannel("web")!, _catalog));
        _snapshot = _records.Select(_fields.RowOf).ToArray();
        using (var state = new MemoryStream())
        {
            using (var writer = SnapshotFile.Create(state))
            {
                Array.ForEach(_snapshot, writer.Write);
            }

            _state = state.ToArray();
        }
        _stored = _records.Select(r =>
        {
            _document.Write(r, "supplier");
            return _document.Content.ToArray();
        }).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int GtinCheck()
    {
        var valid = 0;
        foreach (var record in _records)
        {
            valid += Gtin.Check(record.Resolve("gtin", null, null)?.Data ?? "", out _) == GtinProblem.None ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public void TitleTemplate()
    {
        for (var i = 0; i < Batch; i++)
        {
            _template.Apply(_mapped[i], _context);
        }
    }

    /// <summary>A feed row of 24 text cells written by the guarded (formula-injection-safe) CSV writer.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long GuardedCsvRow()
    {
        using var csv = GuardedCsvWriter.Create(Stream.Null);
        foreach (var row in _rows)
        {
            foreach (var cell in row)
            {
                csv.WriteText(cell);
            }

            csv.EndRecord();
        }

        return csv.Records;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task WebJsonWriter() => WriteAsync("web");

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task ShopifyCsvWriter() => WriteAsync("shopify");

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task GoogleXmlWriter() => WriteAsync("google");

    [Benchmark(OperationsPerInvoke = Batch)]
    public Task PartnerCsvWriter() => WriteAsync("partner");

    /// <summary>What the store writes of a record: its canonical document (hashed) and its lineage.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int DocumentWrite()
    {
        var bytes = 0;
        foreach (var record in _records)
        {
            _document.Write(record, "supplier");
            bytes += _document.Content.Length;
        }

        return bytes;
    }

    /// <summary>What a publish reads of each product from the store: its document parsed back into a record.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int DocumentRead()
    {
        var values = 0;
        foreach (var stored in _stored)
        {
            values += ProductFlow.Store.ProductDocument.Read(stored).Values.Count;
        }

        return values;
    }

    /// <summary>What a publish compares of a record: its channel fields as text.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int SnapshotRowOf()
    {
        var fields = 0;
        foreach (var record in _records)
        {
            fields += _fields.RowOf(record).Fields.Count;
        }

        return fields;
    }

    /// <summary>The state line a publish writes per record (gzipped JSON).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void SnapshotWrite()
    {
        using var state = SnapshotFile.Create(Stream.Null);
        foreach (var row in _snapshot)
        {
            state.Write(row);
        }
    }

    /// <summary>A state line read back and its fields parsed, as a publish reads the row before of a record that changed.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int SnapshotRead()
    {
        var fields = 0;
        foreach (var row in SnapshotFile.Read(new MemoryStream(_state, writable: false)))
        {
            fields += row.Fields.Count;
        }

        return fields;
    }

    /// <summary>
    /// A state line read back and compared with the record's row now, the same: what a publish does for a record that did not change.
    /// The rows now keep their lines after the first round, so this is the reading and the comparison; making a row's line is the
    /// state file writer's work (<see cref="SnapshotWrite"/>), which then writes it as made.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int SnapshotCompare()
    {
        var changes = 0;
        var i = 0;
        foreach (var row in SnapshotFile.Read(new MemoryStream(_state, writable: false)))
        {
            changes += SnapshotRow.Changes(row, _snapshot[i++]).Count;
        }

        return changes;
    }

    private async Task WriteAsync(string channel)
    {
        var writer = ChannelWriters.Create(_catalog.FindChannel(channel)!, _catalog, Stream.Null);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var record in _records)
            {
                writer.Write(record);
            }
        }
    }
}
