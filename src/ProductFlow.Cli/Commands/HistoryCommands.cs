using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Cli.Output;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>history &lt;sku&gt;</c>: a product's audit trail, each version with the run that wrote it and what it changed, with origins.</summary>
internal static class HistoryCommands
{
    private static readonly Argument<string> Sku = new("sku") { Description = "The product's SKU (or, with --model, the product model's code)." };
    private static readonly Option<bool> Model = new("--model") { Description = "Show a product model's versions (Akeneo's product_models.csv): the code is a model's, not a SKU." };

    public static Command History()
    {
        var command = new Command("history", "Show every version of a product: when, by which run, which values changed and where they came from.") { Sku, Model }
            .WithExamples("productflow history TS-1001-NVY-M", "productflow history TS-1001-NVY-M --json --store postgresql://productflow@db.internal/productflow", "productflow history JKT --model");
        command.WithStoreOptions().SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var sku = result.GetRequiredValue(Sku);
        var versions = new List<(StoredVersion Version, IReadOnlyList<ValueChange> Changes)>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            StoredVersion? previous = null;
            var history = result.GetValue(Model) ? store.ReadModelHistoryAsync(sku, cancellationToken) : store.ReadHistoryAsync(sku, cancellationToken);
            await foreach (var version in history.ConfigureAwait(false))
            {
                versions.Add((version, VersionDiff.Changes(previous, version)));
                previous = version;
            }
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer => WriteJson(writer, sku, versions)).ConfigureAwait(false);
        }
        else if (versions.Count == 0)
        {
            await Console.Out.WriteLineAsync($"{sku}: no versions in the store").ConfigureAwait(false);
        }
        else
        {
            WriteText(Console.Out, sku, versions);
        }

        return ExitCodes.Completed;
    }

    private static void WriteJson(Utf8JsonWriter writer, string sku, List<(StoredVersion Version, IReadOnlyList<ValueChange> Changes)> versions)
    {
        writer.WriteStartObject();
        writer.WriteString("sku", sku);
        writer.WriteStartArray("versions");
        foreach (var (version, changes) in versions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", version.Version);
            writer.WriteString("runId", version.RunId);
            writer.WriteString("at", version.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteStartArray("changes");
            foreach (var change in changes)
            {
                writer.WriteStartObject();
                WriteScope(writer, change.Attribute, change.Locale, change.Channel, change.Currency);
                writer.WriteString("old", change.Old);
                writer.WriteString("new", change.New);
                WriteOrigin(writer, change.Origin);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Which value a JSON entry is about: attribute, locale and channel (null when unscoped), and currency when it has one.</summary>
    internal static void WriteScope(Utf8JsonWriter writer, string attribute, string? locale, string? channel, string? currency)
    {
        writer.WriteString("attribute", attribute);
        writer.WriteString("locale", locale);
        writer.WriteString("channel", channel);
        if (currency is not null)
        {
            writer.WriteString("currency", currency);
        }
    }

    internal static void WriteOrigin(Utf8JsonWriter writer, ValueOrigin? origin)
    {
        if (origin is null)
        {
            writer.WriteNull("origin");
            return;
        }

        // A value a rule changed (inherit, lift, unit, normalize) keeps its cell: both are written.
        writer.WriteStartObject("origin");
        if (origin.Source is not null)
        {
            writer.WriteString("source", origin.Source);
        }

        if (origin.Rule is not null)
        {
            writer.WriteString("rule", origin.Rule);
        }

        if (origin.Rule is null || origin.Feed is not null)
        {
            writer.WriteString("feed", origin.Feed);
            if (origin.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }

            writer.WriteString("column", origin.Column);
        }

        writer.WriteEndObject();
    }

    private static void WriteText(TextWriter output, string sku, List<(StoredVersion Version, IReadOnlyList<ValueChange> Changes)> versions)
    {
        output.WriteLine(sku);
        foreach (var (version, changes) in versions)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  v{version.Version}  {version.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  run {version.RunId}"));
            foreach (var change in changes)
            {
                var scope = string.Join(' ', new[] { change.Locale, change.Channel, change.Currency }.Where(s => s is not null));
                var name = scope.Length == 0 ? change.Attribute : $"{change.Attribute} [{scope}]";
                var origin = Output.OriginText.Of(change.Origin);
                output.WriteLine($"    {name}: {change.Old ?? "-"} -> {change.New ?? "-"}{origin}");
            }
        }
    }
}
