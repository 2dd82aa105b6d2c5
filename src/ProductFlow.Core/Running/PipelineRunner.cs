using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Remote;
using ProductFlow.Csv;
using ProductFlow.Events;
using ProductFlow.Mapping;
using ProductFlow.Mapping.Akeneo;
using ProductFlow.Model;
using ProductFlow.Ordering;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Reports;
using ProductFlow.Rules;
using ProductFlow.Store;
using ProductFlow.Telemetry;

namespace ProductFlow.Running;

/// <summary>Runs a pipeline end to end: read, map, check, store, publish, report.</summary>
/// <remarks>
/// Every stage streams, so memory does not grow with the feed. A feed that cannot be read to its end gives a
/// <c>failed</c> run: its store session is rolled back (nothing committed) and the report says where reading
/// stopped. Data problems are issues in the report, never exceptions.
/// A runner is built once on the <see cref="RunServices"/> of its process; each <see cref="RunRequest"/> says what one run does.
/// With <see cref="RunServices.Events"/>, a run writes to the store's outbox <c>ProductFlow.Export.Published</c> per new version
/// and, once its report is written, <c>ProductFlow.Feed.Accepted</c> (completed) or <c>ProductFlow.Feed.Rejected</c> (failed), in
/// the transaction that records the run's end: the run and its event are stored together or not at all. An
/// <see cref="Events.OutboxSender"/> sends them, not the run.
/// </remarks>
public sealed class PipelineRunner
{
    /// <summary>The rule of the issue a refused full run reports.</summary>
    public const string RemovalGuardRule = "store.mass-delete";

    private const int ProgressEvery = 100_000;

    private readonly RunServices _services;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public PipelineRunner(RunServices services, ILogger<PipelineRunner>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public RunServices Services => _services;

    /// <summary>Loads the request's pipeline file and runs it.</summary>
    public Task<QualityReport> RunAsync(RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(PipelineLoader.Load(request.Pipeline), request, progress, cancellationToken);
    }

    /// <summary>Runs an already loaded pipeline (the request's <see cref="RunRequest.Pipeline"/> is not read again).</summary>
    public async Task<QualityReport> RunAsync(LoadedPipeline pipeline, RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ProductFlowTelemetry.ActivitySource.StartActivity("productflow.run");
        activity?.SetTag("productflow.pipeline", pipeline.Definition.Name);
        var began = _time.GetTimestamp();
        try
        {
            var input = RunInput.Resolve(pipeline.Definition, request);
            var data = _services.DataDirectory;

            // The store opens first: a store that is down fails the run before the feed is read or a report folder made.
            // await using accepts null (validate mode has no store); ConfigureAwait does not, hence no ConfigureAwait there.
            var store = request.Mode == RunMode.Run ? await _services.OpenStore(cancellationToken).ConfigureAwait(false) : null;
            await using (store)
            {
                var report = await RunAsync(pipeline, request, progress, input, data, store, cancellationToken).ConfigureAwait(false);
                var run = report.Run;
                if (store is not null)
                {
                    ProductFlowMetrics.RecordRun(run, _time.GetElapsedTime(began));
                }

                activity?.SetTag("productflow.run.id", run.Id);
                activity?.SetTag("productflow.run.status", run.Status == RunStatus.Failed ? "failed" : "completed");
                activity?.SetTag("productflow.rows.read", run.Counts.Read);
                activity?.SetTag("productflow.rows.rejected", run.Counts.Rejected);
                return report;
            }
        }
        catch (Exception e) when (activity is not null)
        {
            // A fault of ProductFlow or its infrastructure (data problems are a failed run, not an exception): the span says so.
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async Task<QualityReport> RunAsync(
        LoadedPipeline pipeline, RunRequest request, IProgress<RunProgress>? progress, string input, string data, IProductStore? store, CancellationToken cancellationToken)
    {
        var (definition, catalog) = pipeline;
        var started = _time.GetUtcNow();
        var remote = RemoteLocation.IsRemote(input) ? RemoteLocation.Parse(input) : null;
        var run = new RunRecord
        {
            Id = request.RunId ?? RunIds.New(started), Pipeline = definition.Name, Feed = remote is null ? FeedInfo.Of(input) : new FeedInfo(remote.FileName, 0, ""), Started = started,
        };
        var folder = Path.Combine(data, "reports", run.Id);
        Directory.CreateDirectory(folder);
        var report = new QualityReport(run, request.Mode == RunMode.Validate ? "validate" : request.Replay ? "replay" : "run", folder);
        var channels = definition.Channels.Select(code => catalog.FindChannel(code)!).ToList();
        if (store is not null)
        {
            await store.SaveRunAsync(run, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        _logger.LogInformation("Run {RunId}: {Pipeline} reads {Feed}", run.Id, definition.Name, input);
        try
        {
            using var mergeCheck = new MergedRecordCheck(pipeline, channels);
            var reader = request.Replay ? new Connectors.Replay.ReplayFeedReader() : FeedReaders.For(definition.Source.Format);

            // A feed file where the supplier put it (a URL, an SFTP path) is downloaded first, streamed to disk, and read there; an API
            // (http-json) is read page by page where it is. The copy goes when the feed has been read.
            var download = remote is null || definition.Source.Format == "http-json" ? null
                : await RemoteFeed.DownloadAsync(remote, definition.Source, Path.Combine(data, "downloads", run.Id), cancellationToken).ConfigureAwait(false);
            using (download)
            {
                if (download is not null)
                {
                    run.Feed = FeedInfo.Of(download.Path);
                }

                await IngestAsync(pipeline, reader, SessionOptionsFor(pipeline, request) with { MergeCheck = mergeCheck }, download?.Path ?? input, store, report, channels, progress, cancellationToken)
                    .ConfigureAwait(false);
            }

            // The rest runs inline in the frame that completes the ingestion, whose state (the rules' per-SKU tables, ~40 MB at
            // 1M rows) stays reachable until that frame returns: yield, so that publication does not hold it. Then collect it at once:
            // only a full collection frees the tables (on the pinned object heap), and publication's buffers would otherwise be made
            // beside them (a full collection here takes 12-15 MB off the peak of a run of 200k or 1M rows).
            await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            run.Status = report.Failure is null ? RunStatus.Completed : RunStatus.Failed;
            if (report.Failure is not null)
            {
                // A guard stopped the commit: nothing of the run is in the store, so nothing is published.
                run.Counts.Accepted = 0;
                run.Counts.Changed = 0;
            }
            else if (store is not null && definition.Publish == PublishMode.OnRun)
            {
                var publisher = new ChannelPublisher(_services.Exports, _time, _services.Events is null ? null : store, _logger);
                foreach (var published in await publisher.PublishAsync(store, channels, catalog, new PublishRequest { RunId = run.Id, DataAsOf = run.Started, AllowMassDelete = request.AllowMassDelete }, cancellationToken).ConfigureAwait(false))
                {
                    report.Publications.Add(published);
                    report.Published[published.Channel] = published.Records;
                    if (published.Location is { } location)
                    {
                        report.Exports[published.Channel] = location;
                    }
                }
            }
        }
        catch (FeedReadException e)
        {
            // A feed that cannot be read is an expected outcome of a run, reported by the caller; not an error of ProductFlow.
            _logger.LogInformation("Run {RunId} failed: {Message}", run.Id, e.Message);
            run.Status = RunStatus.Failed;
            run.Counts.Accepted = 0;
            run.Counts.Changed = 0;
            report.Failure = new RunFailure(e.Message, e.File, e.Line);
        }

        run.Finished = _time.GetUtcNow();
        run.Report = folder;
        ReportJsonWriter.Write(report, Path.Combine(folder, ReportJsonWriter.FileName));
        HtmlReportWriter.Write(report, Path.Combine(folder, HtmlReportWriter.FileName));
        if (_services.Reports is { } reports)
        {
            // Before the run record says it finished: whoever reads the record (any node of the service) finds the report.
            await ReportCopy.CopyAsync(folder, reports, run.Id, CancellationToken.None).ConfigureAwait(false);
        }
        if (store is not null)
        {
            // After the report, with the run record: a listener told of the feed can read both.
            var events = _services.Events is null ? null : new[] { new FeedProcessedEvent(report).ToEnvelope() };
            await store.SaveRunAsync(run, events, CancellationToken.None).ConfigureAwait(false);
        }

        if (_services.SupplierMail is { } mail && definition.Supplier is { } supplier && request.Mode == RunMode.Run)
        {
            // One email per run, after the report: the supplier gets the rejected rows of the run as its report has them.
            report.EmailError = await mail.SendAsync(report, supplier, cancellationToken).ConfigureAwait(false);
            if (report.EmailError is { } error)
            {
                _logger.LogWarning("Run {RunId}: {EmailError}", run.Id, error);
            }
        }

        _logger.LogInformation(
            "Run {RunId} {Status}: {Read} read, {Accepted} accepted, {Rejected} rejected",
            run.Id, run.Status, run.Counts.Read, run.Counts.Accepted, run.Counts.Rejected);
        return report;
    }

    private static SessionOptions SessionOptionsFor(LoadedPipeline pipeline, RunRequest request) => new()
    {
        Full = !request.Replay && (request.FeedMode ?? pipeline.Definition.Mode) == FeedMode.Full,
        MaxRemovedShare = request.AllowMassDelete ? null : pipeline.Definition.MaxRemovedShare,
        Sources = pipeline.Catalog.Sources,
        MergeKey = MergeKeys.Of(pipeline),
    };

    private async Task IngestAsync(
        LoadedPipeline pipeline, IFeedReader reader, SessionOptions sessionOptions, string input, IProductStore? store, QualityReport report, List<ChannelDefinition> channels,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var (definition, catalog) = pipeline;
        var run = report.Run;
        IRecordMapper mapper = definition.Source.Format == "akeneo-csv" ? new Mapping.Akeneo.AkeneoMapper(catalog) : FeedMapper.For(definition);
        var completeness = new CompletenessTracker(catalog, channels);
        using var models = new ModelResolver(store, _services.MaxHeldModels);
        var refresh = new ModelRefresh(catalog, channels, models);
        var channelCodes = channels.Select(c => c.Code).ToList();
        var source = new FeedSource(input)
        {
            Format = definition.Source.Format,
            Delimiter = Delimiters.Parse(definition.Source.Delimiter),
            Encoding = definition.Source.Encoding,
            Sheet = definition.Source.Sheet,
            HeaderRow = definition.Source.HeaderRow,
            Limits = definition.Source.Limits ?? Connectors.Xlsx.WorkbookLimits.Default,
            Http = definition.Source.Http,
            RequiredColumns = mapper.RequiredColumns,
            Progress = progress is null ? null : new FeedProgress(run.Feed.Size),
        };

        // Reported from the start: the survey below reads a big feed once before its first row counts.
        var reporter = progress is null ? null : new ProgressReporter(progress, definition.Name, () => run.Counts.Read, source.Progress!, TimeSpan.FromSeconds(1));
        await using var stopReporting = reporter;

        // A first, quick pass tells whether the feed's models come grouped (the rules then take it as it streams) or must be ordered
        // first; an API cannot be read twice, so its rows are always ordered. A feed of product models alone is no assortment of products.
        // A mapping without a parent column reads no model: nothing to survey.
        var survey = definition.Source.Format != "akeneo-csv" && definition.Mapping.Parent is null ? FeedSurvey.ProductsOnly
            : source.Format == "http-json" ? FeedSurvey.Unknown
            : await FeedSurvey.ScanAsync(reader, source, mapper, cancellationToken).ConfigureAwait(false);
        if (!survey.HasProducts)
        {
            sessionOptions = sessionOptions with { Full = false };
        }

        using var sorter = survey.Grouped ? null : new RowSorter(_services.MaxHeldRows);
        // The rules see each model's rows together: the survey found them so, or the sorter orders them.
        using var rules = RuleSet.Create(pipeline, ChannelRules.For, sessionOptions.Full ? FeedMode.Full : FeedMode.Partial, grouped: true);

        var issues = new IssueLog(Path.Combine(report.Folder, IssueLog.FileName));
        var rejected = new RejectedLog(Path.Combine(report.Folder, RejectedLog.FileName));
        await using (issues.ConfigureAwait(false))
        await using (rejected.ConfigureAwait(false))
        {
            // The store writes on a task of its own while this thread reads and checks the next rows (BackgroundStoreSession).
            var session = store is null ? null : BackgroundStoreSession.Start(await store.BeginAsync(run, sessionOptions, cancellationToken).ConfigureAwait(false), cancellationToken);
            await using (session)
            {
                try
                {
                    var rows = FeedRecords.Of(reader.ReadAsync(source, cancellationToken), issues, report);
                    await foreach (var row in (sorter is null ? rows : sorter.OrderAsync(rows, mapper, cancellationToken)).ConfigureAwait(false))
                    {
                        var mapped = mapper.Map(row);
                        await models.ResolveAsync(mapped, cancellationToken).ConfigureAwait(false);
                        foreach (var done in rules.Apply(mapped))
                        {
                            await AcceptOrRejectAsync(done, session, report, issues, rejected, completeness, channelCodes, models, cancellationToken).ConfigureAwait(false);
                            if (survey.HasModels && !done.Record.IsModel)
                            {
                                refresh.Read(done.Record);
                            }

                            if (run.Counts.Read % ProgressEvery == 0)
                            {
                                _logger.LogInformation("{Pipeline}: {Rows} rows read", definition.Name, run.Counts.Read);
                            }
                        }
                    }

                    foreach (var done in rules.Finish())
                    {
                        await AcceptOrRejectAsync(done, session, report, issues, rejected, completeness, channelCodes, models, cancellationToken).ConfigureAwait(false);
                    }

                    _services.Ordered?.Invoke(sorter is not null, sorter?.Spilled == true);
                    if (session is not null && !sessionOptions.Full)
                    {
                        // The variants of models this run changed take their inherited values again (a full run removes what it does not carry instead).
                        var refreshed = await refresh.RefreshAsync(store!, session, rules, cancellationToken).ConfigureAwait(false);
                        if (refreshed > 0)
                        {
                            _logger.LogInformation("{Pipeline}: {Variants} variants of changed product models refreshed", definition.Name, refreshed);
                        }
                    }

                    if (session is not null)
                    {
                        var summary = await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                        run.Counts.Changed = summary.Changed;
                        run.Counts.Removed = summary.Removed;
                        if (summary.Refused is { } guard)
                        {
                            var issue = new Issue(Severity.Error, RemovalGuardRule, guard.Describe(definition.Name)) { Feed = Path.GetFileName(input) };
                            issues.Add(issue);
                            report.Count(issue);
                            report.Failure = new RunFailure(issue.Message + " (hint: run with --allow-mass-delete if the removals are intended)", input, null) { Rule = RemovalGuardRule };
                        }
                    }
                }
                finally
                {
                    report.Issues = issues.First;
                    report.IssuesTotal = issues.Count;
                    report.Completeness.AddRange(completeness.Results);
                }
            }
        }
    }

    private static async ValueTask AcceptOrRejectAsync(
        MappedRecord mapped, IStoreSession? session, QualityReport report, IssueLog issues, RejectedLog rejected, CompletenessTracker completeness, List<string> channels,
        ModelResolver models, CancellationToken cancellationToken)
    {
        var counts = report.Run.Counts;
        counts.Read++;
        foreach (var issue in mapped.Issues)
        {
            issues.Add(issue);
            report.Count(issue);
        }

        if (mapped.IsRejected)
        {
            counts.Rejected++;
            rejected.Add(mapped);
            if (session is not null)
            {
                await session.QuarantineAsync(mapped, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        counts.Accepted++;
        mapped.Row.Release(); // an accepted record is all that is kept of its row: the reader reads a later row into its fields' array
        if (mapped.Record.IsModel)
        {
            // A product model: its variants later in the run inherit from it; channels publish products, so no completeness or notes.
            await models.AcceptAsync(mapped.Record, cancellationToken).ConfigureAwait(false);
            if (session is not null)
            {
                await session.UpsertAsync(mapped.Record, [], cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var scores = completeness.Add(mapped.Record);
        if (session is not null)
        {
            // What explain tells later: the channels this record was checked for, why it is off any of them, how complete it is.
            // Set before the upsert: from then on the record is the session's, written on another thread.
            mapped.Record.Notes = new ProductNotes(channels, mapped.Issues) { Completeness = scores };
            await session.UpsertAsync(mapped.Record, mapped.BlockedChannels, cancellationToken).ConfigureAwait(false);
        }
    }
}
