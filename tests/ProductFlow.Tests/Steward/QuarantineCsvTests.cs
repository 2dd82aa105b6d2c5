using System.Text;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Replay;
using ProductFlow.Pipelines;
using ProductFlow.Steward;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Steward;

/// <summary>The quarantine as the supplier's CSV with the reasons, and that file, corrected, back as a replay file: the round trip the
/// console's quarantine page makes.</summary>
public class QuarantineCsvTests
{
    private TempDirectory _dir = null!;
    private string _runId = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public async Task RunTheDemoAsync()
    {
        _dir = new TempDirectory();
        var pipeline = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        _runId = (await Runs.RunAsync(pipeline, Data)).Run.Id;
    }

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task Writes_each_open_entry_in_the_suppliers_columns_with_its_run_line_and_reasons()
    {
        var (csv, rows) = await WriteAsync(rule: null);

        var lines = Encoding.UTF8.GetString(csv).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.That(rows, Is.EqualTo(7));
        Assert.That(lines[0], Does.StartWith("\uFEFFsku,model,family,").And.EndWith(",pf_run,pf_line,pf_rule,pf_column,pf_message,pf_raw"));
        var gtin = lines.Single(l => l.StartsWith("TS-1002-RED-L,", StringComparison.Ordinal));
        Assert.That(gtin, Does.Contain($",{_runId},12,gtin.check-digit,gtin,GTIN '4006381002106' has a wrong check digit (expected 3),"));
    }

    [Test]
    public async Task A_rule_keeps_the_entries_that_broke_it_only()
    {
        var (_, rows) = await WriteAsync("gtin.check-digit");

        Assert.That(rows, Is.EqualTo(3));
    }

    [Test]
    public async Task The_file_corrected_becomes_a_replay_file_of_the_suppliers_fields_without_the_reasons()
    {
        var (csv, _) = await WriteAsync(rule: "required");
        var corrected = _dir.File("corrected.csv", Encoding.UTF8.GetString(csv).Replace(",,4006381012911,", ",59.90,4006381012911,", StringComparison.Ordinal));
        var replay = _dir.Combine("corrected.jsonl");

        long converted;
        await using (var output = File.Create(replay))
        {
            converted = await CorrectedFeed.ConvertAsync(corrected, "corrected.csv", output);
        }

        var read = await new ReplayFeedReader().ReadAsync(new FeedSource(replay)).ToListAsync();
        Assert.That((converted, read.Count), Is.EqualTo((1L, 1)));
        var row = read[0];
        Assert.That(row.Header.Columns, Does.Not.Contain("pf_rule").And.Contain("price_eur"));
        Assert.That(row[row.Header.IndexOf("sku")], Is.EqualTo("HD-1012-RED-XL"));
        Assert.That(row[row.Header.IndexOf("price_eur")], Is.EqualTo("59.90"));
        Assert.That(row.Location, Is.EqualTo("corrected.csv:2"));
    }

    [Test]
    public async Task A_row_the_corrected_file_breaks_is_refused_with_its_line()
    {
        var corrected = _dir.File("broken.csv", "sku,name_en\nA-1,one,two\nB-2,fine\n");

        var e = await Assert.ThrowsAsync<FeedReadException>(() => CorrectedFeed.ConvertAsync(corrected, "broken.csv", Stream.Null));

        Assert.That(e!.Message, Does.StartWith("broken.csv: line 2"));
    }

    private async Task<(byte[] Csv, long Rows)> WriteAsync(string? rule)
    {
        await using var store = SqliteProductStore.Open(Data);
        using var output = new MemoryStream();
        var rows = await QuarantineCsv.WriteAsync(store, new HashSet<string>(StringComparer.Ordinal) { _runId }, rule, output, ',');
        return (output.ToArray(), rows);
    }
}
