using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;

namespace ProductFlow.Cli.Commands;

/// <summary><c>publish</c> and <c>preview</c>: a channel's next version from the store, or what it would change.</summary>
internal static class PublishCommands
{
    private static readonly Argument<string[]> Channels = new("channels") { Description = "The channels to publish (codes from the catalog).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Argument<string> Channel = new("channel") { Description = "The channel to preview." };
    private static readonly Option<bool> All = new("--all") { Description = "Publish every channel of the catalog." };
    private static readonly Option<bool> Delta = new("--delta") { Description = "Write only what changed since the current version (google-merchant always writes full files)." };
    private static readonly Option<bool> Full = new("--full") { Description = "Write the whole assortment, whatever the channel's mode." };

    public static Command Publish(ILoggerFactory logging)
    {
        var command = new Command("publish", "Publish channels now from the store: a new version when anything changed, nothing otherwise.")
        {
            Channels, All, Delta, Full, PublishOptions.Catalog, PublishOptions.Exports, PublishOptions.AllowMassDelete,
        }.WithExamples("productflow publish partner", "productflow publish --all --delta", "productflow publish google --exports blob:exports --store postgresql://productflow@db.internal/productflow --json");
        command.WithStoreOptions().SetAction((result, ct) => PublishAsync(result, logging, ct));
        return command;
    }

    public static Command Preview()
    {
        var command = new Command("preview", "Show what publishing a channel now would change against its current version, record by record and field by field, without publishing.")
        {
            Channel, PublishOptions.Catalog, PublishOptions.Exports,
        }.WithExamples("productflow preview partner", "productflow preview web --json");
        command.WithStoreOptions().SetAction(PreviewAsync);
        return command;
    }

    private static async Task<int> PublishAsync(ParseResult result, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        if (result.GetValue(Delta) && result.GetValue(Full))
        {
            throw new ProductFlowException("--delta and --full exclude each other");
        }

        var catalog = CatalogLoader.Load(PublishOptions.CatalogPath(result));
        var channels = ChannelsToPublish(result, catalog);
        ExportMode? mode = result.GetValue(Delta) ? ExportMode.Delta : result.GetValue(Full) ? ExportMode.Full : null;
        // Publishing reads the store: a mistyped --data must not create an empty store and publish it.
        var services = CliRunServices.From(result) with { OpenStore = ct => StoreCommand.OpenAsync(result, ct) };
        var events = CommandEvents.For(services);
        var results = await CommandEvents.AroundAsync(
            events,
            async () =>
            {
                var store = await services.OpenStore(cancellationToken).ConfigureAwait(false);
                await using (store.ConfigureAwait(false))
                {
                    var publisher = new ChannelPublisher(services.Exports, events: events is null ? null : store, logger: logging.CreateLogger<ChannelPublisher>());
                    return await publisher.PublishAsync(store, channels, catalog, new PublishRequest { Mode = mode, AllowMassDelete = result.GetValue(PublishOptions.AllowMassDelete) }, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("channels");
                foreach (var r in results)
                {
                    PublishResultJson.Write(writer, r);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }).ConfigureAwait(false);
        }
        else if (!result.GetValue(GlobalOptions.Quiet))
        {
            foreach (var r in results)
            {
                await Console.Out.WriteLineAsync(RunResultWriter.Describe(r)).ConfigureAwait(false);
            }
        }

        return await WriteRefusalsAsync(results).ConfigureAwait(false) ? ExitCodes.GuardStopped : ExitCodes.Completed;
    }

    /// <summary>Writes one line on stderr per channel a guard kept from publishing; true when there was one.</summary>
    public static async Task<bool> WriteRefusalsAsync(IEnumerable<PublishResult> results)
    {
        var refused = false;
        foreach (var reason in results.Select(r => r.Refused).OfType<string>())
        {
            refused = true;
            await Console.Error.WriteLineAsync($"productflow: {reason} (hint: publish with --allow-mass-delete if the removals are intended)").ConfigureAwait(false);
        }

        return refused;
    }

    private static async Task<int> PreviewAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var catalog = CatalogLoader.Load(PublishOptions.CatalogPath(result));
        var code = result.GetRequiredValue(Channel);
        var channel = catalog.FindChannel(code) ?? throw UnknownChannel(code, catalog);
        var publisher = new ChannelPublisher(Exports(result));
        var json = result.GetValue(StoreOptions.Json);
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            if (json)
            {
                // Changes stream to stdout as they are found: a preview of a million changes holds none of them in memory.
                var stdout = Console.OpenStandardOutput();
                await using (stdout.ConfigureAwait(false))
                {
                    using (var writer = new Utf8JsonWriter(stdout, CliJson.Options))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("channel", code);
                        writer.WriteStartArray("changes");
                        var preview = await publisher.PublishAsync(store, channel, catalog, new PublishRequest { Preview = true, OnChange = c => WriteChange(writer, c) }, cancellationToken).ConfigureAwait(false);
                        writer.WriteEndArray();
                        WriteCounts(writer, preview);
                        writer.WriteEndObject();
                    }

                    stdout.WriteByte((byte)'\n');
                }
            }
            else
            {
                var output = Console.Out;
                var preview = await publisher.PublishAsync(store, channel, catalog, new PublishRequest { Preview = true, OnChange = c => WriteChange(output, c) }, cancellationToken).ConfigureAwait(false);
                var against = preview.Previous is { } v ? $"against v{v.ToString(CultureInfo.InvariantCulture)}" : "first publish";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{code} ({against}): {preview.Added:N0} added, {preview.Changed:N0} changed, {preview.Removed:N0} removed; {preview.Records:N0} records")).ConfigureAwait(false);
            }
        }

        return ExitCodes.Completed;
    }

    /// <summary>The export target the command names.</summary>
    private static IBlobStore Exports(ParseResult result) => ExportTargets.Open(result.GetValue(PublishOptions.Exports), StoreOptions.DataFolder(result));

    private static List<ChannelDefinition> ChannelsToPublish(ParseResult result, ProductCatalog catalog)
    {
        var codes = result.GetValue(Channels) ?? [];
        if (result.GetValue(All) == (codes.Length > 0))
        {
            throw new ProductFlowException(codes.Length > 0 ? "give channels or --all, not both" : "name the channels to publish, or give --all")
            {
                Hint = $"the catalog's channels: {string.Join(", ", catalog.Channels.Select(c => c.Code))}",
            };
        }

        // A channel named twice is published once: one publish reads the store once for all its channels.
        return result.GetValue(All) ? catalog.Channels.ToList() : codes.Distinct(StringComparer.Ordinal).Select(code => catalog.FindChannel(code) ?? throw UnknownChannel(code, catalog)).ToList();
    }

    private static ProductFlowException UnknownChannel(string code, ProductCatalog catalog) =>
        new($"the catalog has no channel '{code}'") { Hint = $"its channels: {string.Join(", ", catalog.Channels.Select(c => c.Code))}" };

    private static void WriteChange(TextWriter output, ChannelChange change)
    {
        var sign = change.Kind switch { ChannelChangeKind.Added => "+", ChannelChangeKind.Changed => "~", _ => "-" };
        output.WriteLine($"{sign} {change.Sku}");
        if (change.Kind == ChannelChangeKind.Changed)
        {
            foreach (var field in change.Fields)
            {
                output.WriteLine($"    {field.Field}: {field.Old ?? "(none)"} -> {field.New ?? "(none)"}");
            }
        }
    }

    private static void WriteChange(Utf8JsonWriter writer, ChannelChange change)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", change.Kind switch { ChannelChangeKind.Added => "added", ChannelChangeKind.Changed => "changed", _ => "removed" });
        writer.WriteString("sku", change.Sku);
        if (change.Model is not null)
        {
            writer.WriteString("model", change.Model);
        }

        writer.WriteStartArray("fields");
        foreach (var field in change.Fields)
        {
            writer.WriteStartObject();
            writer.WriteString("field", field.Field);
            writer.WriteString("old", field.Old);
            writer.WriteString("new", field.New);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, PublishResult preview)
    {
        if (preview.Previous is { } previous)
        {
            writer.WriteNumber("current", previous);
        }
        else
        {
            writer.WriteNull("current");
        }

        writer.WriteString("mode", ExportModeNames.Name(preview.Mode));
        writer.WriteNumber("added", preview.Added);
        writer.WriteNumber("changed", preview.Changed);
        writer.WriteNumber("removed", preview.Removed);
        writer.WriteNumber("records", preview.Records);
    }
}
