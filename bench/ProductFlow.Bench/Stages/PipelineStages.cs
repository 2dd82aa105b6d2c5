using System.Runtime.CompilerServices;
using CsvHelper;
using ProductFlow.Channels;
using ProductFlow.Connectors;
using ProductFlow.Csv;
using ProductFlow.Mapping;
using ProductFlow.Ordering;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Rules;
using ProductFlow.Running;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Bench.Stages;

/// <summary>The stages of the table, each a superset of the one before, all on the same feed and pipeline.</summary>
/// <remarks>With <c>postgres</c> (a server's connection string) stages 4 and 5 store on PostgreSQL, each in a fresh database.</remarks>
internal sealed class PipelineStages(LoadedPipeline pipeline, string feed, string workFolder, string? postgres = null)
{
    /// <summary>1. CsvHelper 34 reading every field as a string: the floor every stage is compared to.</summary>
    public Task<long> CsvHelperFloorAsync()
    {
        long rows = 0;
        long characters = 0;
        using var reader = CsvReader.FromFile(feed, CsvReaderOptions.Default with { Separator = ',' });
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                characters += reader.GetString(i).Length;
            }

            rows++;
        }

        return Task.FromResult(rows + (characters < 0 ? 1 : 0));
    }

    /// <summary>0. The feed's survey alone: the first pass of a run over a feed with models, identifying every row (<see cref="FeedSurvey"/>).</summary>
    /// <remarks>Counts the rows the survey reads (it stops early on a feed it finds unordered) through a reader that passes them on.</remarks>
    public async Task<long> SurveyAsync()
    {
        var (mapper, source) = Prepare();
        var counted = new CountingReader(FeedReaders.For(source.Format));
        _ = await FeedSurvey.ScanAsync(counted, source, mapper).ConfigureAwait(false);
        return counted.Rows;
    }

    /// <summary>2. ProductFlow's CSV connector and mapper.</summary>
    public async Task<long> ReadAndMapAsync()
    {
        var (mapper, source) = Prepare();
        long rows = 0;
        await foreach (var row in FeedReaders.For(source.Format).ReadAsync(source).ConfigureAwait(false))
        {
            _ = mapper.Map(row);
            rows++;
        }

        return rows;
    }

    /// <summary>3. + every rule: types, enrichers, checks, GTIN, uniqueness, variants, channel schema.</summary>
    public async Task<long> RulesAsync()
    {
        var (mapper, source) = Prepare();
        using var rules = RuleSet.Create(pipeline, ChannelRules.For);
        long rows = 0;
        await foreach (var row in FeedReaders.For(source.Format).ReadAsync(source).ConfigureAwait(false))
        {
            foreach (var done in rules.Apply(mapper.Map(row)))
            {
                if (!done.IsRejected)
                {
                    done.Row.Release(); // as a run does once it accepts a record
                }
            }

            rows++;
        }

        return rows;
    }

    /// <summary>4. + the store (SQLite, or PostgreSQL with <c>--postgres</c>) and the report: a run that stores but does not publish.</summary>
    public Task<long> StoreAsync() => RunAsync(PublishMode.Scheduled, "store");

    /// <summary>5a. Publication alone: every channel of the pipeline published together (full, first version) from the store stage 4 filled.</summary>
    /// <remarks>Counts the records of the largest channel, so its rows/s compares with the other stages' feed rows/s.</remarks>
    public async Task<long> PublishAsync()
    {
        var data = Path.Combine(workFolder, "store");
        var exports = Path.Combine(data, "exports");
        if (Directory.Exists(exports))
        {
            Directory.Delete(exports, recursive: true);
        }

        await using var store = SqliteProductStore.Open(data);
        var publisher = new ChannelPublisher(new FolderBlobStore(exports));
        var channels = pipeline.Definition.Channels.Select(code => pipeline.Catalog.FindChannel(code)!).ToList();
        var results = await publisher.PublishAsync(store, channels, pipeline.Catalog).ConfigureAwait(false);
        return results.Max(r => r.Records);
    }

    /// <summary>5b. The store's share of 5a: the one read of every publishable product, in channel order, that feeds all the channels; nothing written.</summary>
    public async Task<long> ReadPublishableAsync()
    {
        await using var store = SqliteProductStore.Open(Path.Combine(workFolder, "store"));
        long records = 0;
        await foreach (var _ in store.ReadPublishableAsync().ConfigureAwait(false))
        {
            records++;
        }

        return records;
    }

    /// <summary>5. + channel exports and the report: the whole <c>run</c>.</summary>
    public Task<long> WholeRunAsync() => RunAsync(PublishMode.OnRun, "run");

    private async Task<long> RunAsync(PublishMode publish, string folder)
    {
        var data = Path.Combine(workFolder, folder);
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var original = pipeline.Definition.Publish;
        pipeline.Definition.Publish = publish;
        var database = postgres is null ? null : await BenchDatabase.CreateAsync(postgres).ConfigureAwait(false);
        try
        {
            var services = RunServices.Embedded(data);
            var runner = new PipelineRunner(database is null
                ? services
                : services with { OpenStore = async ct => await PostgreSql.PostgreSqlProductStore.OpenAsync(database, ct).ConfigureAwait(false) });
            var report = await runner.RunAsync(pipeline, RunRequest.For(pipeline) with { Input = feed }).ConfigureAwait(false);
            return report.Run.Counts.Read;
        }
        finally
        {
            pipeline.Definition.Publish = original;
            if (database is not null)
            {
                await BenchDatabase.DropAsync(postgres!, database).ConfigureAwait(false);
            }
        }
    }

    private (FeedMapper Mapper, FeedSource Source) Prepare()
    {
        var mapper = FeedMapper.For(pipeline.Definition);
        var source = new FeedSource(feed)
        {
            Format = pipeline.Definition.Source.Format,
            Delimiter = Delimiters.Parse(pipeline.Definition.Source.Delimiter),
            RequiredColumns = mapper.RequiredColumns,
        };
        return (mapper, source);
    }

    /// <summary>Passes a reader's rows on, counting them.</summary>
    private sealed class CountingReader(IFeedReader inner) : IFeedReader
    {
        public long Rows { get; private set; }

        public async IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var row in inner.ReadAsync(source, cancellationToken).ConfigureAwait(false))
            {
                Rows++;
                yield return row;
            }
        }
    }
}
