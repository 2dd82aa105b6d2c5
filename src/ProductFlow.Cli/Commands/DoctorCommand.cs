using System.CommandLine;
using Azure;
using Azure.Storage.Blobs;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Pipelines;
using ProductFlow.Server.Diagnostics;

namespace ProductFlow.Cli.Commands;

/// <summary><c>doctor</c>: checks the data folder, every pipeline with its catalog, the store and blob storage, then the service's configuration
/// (what <c>serve</c> and <c>worker</c> read from appsettings.json and the environment: its store, Blob Storage, Event Grid, Hangfire's storage,
/// schedules), one line each.</summary>
/// <remarks>Exit 0 when everything is in order, 1 when a check failed. It changes nothing but creating the data folder and the stores' tables;
/// it never builds the web host.</remarks>
internal static class DoctorCommand
{
    public const string BlobVariable = "PRODUCTFLOW_BLOB";
    public const string BlobContainerVariable = "PRODUCTFLOW_BLOB_CONTAINER";

    private static readonly Argument<string[]> Paths = new("pipelines")
    {
        Description = "Pipeline files, or folders of them. Default: pipelines/.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Command Create()
    {
        var command = new Command("doctor", "Check configuration, pipelines and their catalogs, the store and blob storage, and the service's settings (appsettings.json and ProductFlow__* variables: store, Blob Storage, Event Grid, Hangfire, schedules), one line each.")
        {
            Paths, StoreOptions.Data, StoreOptions.Store,
        }.WithExamples(
            "productflow doctor",
            "productflow doctor pipelines/demo.json --store postgresql://productflow@db.internal/productflow",
            "ProductFlow__Store__ConnectionString=postgresql://productflow@db.internal/productflow productflow doctor");
        command.SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var failed = 0;
        void Line(bool ok, string text)
        {
            Console.WriteLine((ok ? "ok    " : "FAIL  ") + text);
            failed += ok ? 0 : 1;
        }

        var paths = result.GetValue(Paths) is { Length: > 0 } given ? given : ["pipelines"];

        // The data folder of the project the (first) pipeline belongs to, as run finds it; --data wins.
        var data = StoreOptions.DataFolder(result, Directory.Exists(paths[0]) ? Path.Combine(paths[0], "pipeline.json") : paths[0]);
        Line(Writable(data, out var why), $"data folder {data}{why}");

        var pipelines = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.json").Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
        if (pipelines.Count == 0)
        {
            Line(false, $"no pipeline files under {string.Join(", ", paths)}");
        }

        foreach (var file in pipelines)
        {
            var pipeline = CheckPipeline(file, out var text);
            foreach (var line in text.Split('\n'))
            {
                Line(pipeline is not null, line);
            }

            if (pipeline is not null && await CheckSourceAsync(pipeline, cancellationToken).ConfigureAwait(false) is { } source)
            {
                Line(source.Ok, source.Text);
            }
        }

        var setting = ProductStores.Setting(result.GetValue(StoreOptions.Store));
        try
        {
            var store = await ProductStores.OpenAsync(setting, data, cancellationToken).ConfigureAwait(false);
            await store.DisposeAsync().ConfigureAwait(false);
            Line(true, setting is null ? $"store: embedded SQLite in {data}" : "store: PostgreSQL, reachable, schema up to date");
        }
        catch (ProductFlowException e)
        {
            Line(false, "store: " + e.Message.ReplaceLineEndings(" "));
        }

        var (blobOk, blobText) = await CheckBlobAsync(cancellationToken).ConfigureAwait(false);
        Line(blobOk, blobText);
        foreach (var check in await ServiceDoctor.CheckAsync(Directory.GetCurrentDirectory(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            Line(check.Ok, check.Text);
        }

        return failed == 0 ? ExitCodes.Completed : ExitCodes.ValidationErrors;
    }

    private static LoadedPipeline? CheckPipeline(string file, out string text)
    {
        try
        {
            var pipeline = PipelineLoader.Load(file);
            var (definition, catalog) = pipeline;
            text = $"pipeline {file}: {definition.Name}, {definition.Source.Format}, catalog of {catalog.Attributes.Count} attributes, channels {string.Join(", ", definition.Channels)}";
            return pipeline;
        }
        catch (PipelineDefinitionException e)
        {
            text = string.Join('\n', e.Problems.Select(p => $"pipeline {p}"));
            return null;
        }
    }

    /// <summary>The pipeline's mapped columns against the header of its <c>source.path</c>, when that is a local CSV or XLSX file; <c>null</c> otherwise.</summary>
    private static async Task<(bool Ok, string Text)?> CheckSourceAsync(LoadedPipeline pipeline, CancellationToken cancellationToken)
    {
        var name = pipeline.Definition.Name;
        try
        {
            if (await SourceHeader.ReadAsync(pipeline, cancellationToken).ConfigureAwait(false) is not { } header)
            {
                return null;
            }

            if (header.Missing.Count == 0)
            {
                return (true, $"source of {name}: {header.Feed} has the {header.Mapped.Count} mapped columns");
            }

            var missing = header.Missing.Select(m => $"'{m.Column}'" + (m.Closest is { } closest ? $" (did you mean '{closest}'?)" : ""));
            return (false, $"source of {name}: {header.Feed} lacks mapped column(s) {string.Join(", ", missing)}");
        }
        catch (FeedReadException e)
        {
            return (false, $"source of {name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static bool Writable(string folder, out string why)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            why = ": writable";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = ": " + e.Message;
            return false;
        }
    }

    private static async Task<(bool Ok, string Text)> CheckBlobAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(BlobVariable) is not { Length: > 0 } connection)
        {
            return (true, $"blob storage: not configured ({BlobVariable}); the embedded mode uses local folders");
        }

        var container = Environment.GetEnvironmentVariable(BlobContainerVariable) is { Length: > 0 } name ? name : "productflow";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var client = new BlobServiceClient(connection).GetBlobContainerClient(container);
            var exists = await client.ExistsAsync(timeout.Token).ConfigureAwait(false);
            return exists.Value
                ? (true, $"blob storage: container '{container}' at {client.Uri.Host}:{client.Uri.Port} reachable")
                : (false, $"blob storage: container '{container}' does not exist at {client.Uri.Host}:{client.Uri.Port}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"blob storage: no answer within 10 s for container '{container}' ({BlobVariable})");
        }
        catch (Exception e) when (e is RequestFailedException or FormatException or ArgumentException or AggregateException)
        {
            return (false, $"blob storage: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
