using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Cli.Output;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Steward;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>explain &lt;sku&gt;</c>: each stored value with its origin; per channel, whether the product is published there and why not; its completeness per channel and locale; the row a run rejected.</summary>
internal static class ExplainCommand
{
    private static readonly Argument<string> Sku = new("sku") { Description = "The product's SKU (case matters)." };
    private static readonly Option<string?> Channel = new("--channel") { Description = "Only this channel, and the values it can see." };
    private static readonly Option<string?> Locale = new("--locale") { Description = "Only the values of this locale (and unlocalised ones)." };

    public static Command Create()
    {
        var command = new Command("explain", "Explain a product: where each value came from, and why it is or is not published on each channel (also for a SKU a run rejected).")
        {
            Sku, Channel, Locale, PublishOptions.Catalog,
        }.WithExamples("productflow explain TS-1038-WHT-M", "productflow explain TS-1038-WHT-M --channel partner --locale en_US --json");
        command.WithStoreOptions().SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var sku = result.GetRequiredValue(Sku);
        var catalog = LoadCatalog(result);
        StoredProduct? product;
        QuarantinedRow? quarantined;
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            product = await store.FindProductAsync(sku, cancellationToken).ConfigureAwait(false);
            quarantined = await QuarantinedRow.FindAsync(store, sku, cancellationToken).ConfigureAwait(false);
        }

        if (product is null && quarantined is null)
        {
            throw new ProductFlowException($"SKU '{sku}' is not in the store, and no run rejected it") { Hint = "SKUs are case-sensitive; check --data or --store" };
        }

        var explanation = Explanation.Of(product, quarantined, catalog, result.GetValue(Channel), result.GetValue(Locale));
        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer => WriteJson(writer, sku, explanation)).ConfigureAwait(false);
        }
        else
        {
            WriteText(Console.Out, sku, explanation);
        }

        return ExitCodes.Completed;
    }

    /// <summary>The catalog whose channels get a verdict: <c>--catalog</c> (which must exist), else the default one when it is there, else none.</summary>
    private static ProductCatalog? LoadCatalog(ParseResult result)
    {
        var path = PublishOptions.CatalogPath(result);
        return result.GetValue(PublishOptions.Catalog) is not null || File.Exists(path) ? CatalogLoader.Load(path) : null;
    }

    private static void WriteJson(Utf8JsonWriter writer, string sku, Explanation explanation)
    {
        writer.WriteStartObject();
        writer.WriteString("sku", sku);
        writer.WriteBoolean("stored", explanation.Product is not null);
        if (explanation.Product is { } product)
        {
            writer.WriteNumber("version", product.Version);
        }

        if (explanation.Quarantined is { } quarantined)
        {
            writer.WriteStartObject("quarantined");
            writer.WriteString("runId", quarantined.RunId);
            writer.WriteString("feed", quarantined.Feed);
            writer.WriteNumber("line", quarantined.Line);
            WriteIssues(writer, "issues", quarantined.Issues);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("values");
        foreach (var (value, origin) in explanation.Values)
        {
            writer.WriteStartObject();
            HistoryCommands.WriteScope(writer, value.Attribute, value.Locale, value.Channel, value.Currency);
            writer.WriteString("value", value.Data);
            HistoryCommands.WriteOrigin(writer, origin);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("channels");
        foreach (var channel in explanation.Channels)
        {
            writer.WriteStartObject();
            writer.WriteString("channel", channel.Code);
            writer.WriteBoolean("checked", channel.Checked);
            writer.WriteBoolean("published", channel.Published);
            WriteIssues(writer, "blockedBy", channel.BlockedBy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        NotesJson.WriteCompleteness(writer, explanation.Completeness);
        writer.WriteEndObject();
    }

    private static void WriteIssues(Utf8JsonWriter writer, string name, IReadOnlyList<Issue> issues)
    {
        writer.WriteStartArray(name);
        foreach (var issue in issues)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", issue.Rule);
            writer.WriteString("severity", issue.Severity.Code());
            writer.WriteString("message", issue.Message);
            if (issue.Column is { } column)
            {
                writer.WriteString("column", column);
            }

            if (issue.Value is { } value)
            {
                writer.WriteString("value", value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteText(TextWriter output, string sku, Explanation explanation)
    {
        var quarantined = explanation.Quarantined;
        if (explanation.Product is { } product)
        {
            output.WriteLine($"{sku}  version {product.Version}");
            if (quarantined is not null)
            {
                output.WriteLine($"  its latest row was rejected by run {quarantined.RunId} ({quarantined.Where}); the store keeps version {product.Version}:");
                WriteIssues(output, quarantined.Issues, "    ");
            }
        }
        else if (quarantined is not null)
        {
            output.WriteLine($"{sku}  not in the store: rejected by run {quarantined.RunId} ({quarantined.Where})");
            WriteIssues(output, quarantined.Issues, "  ");
        }

        foreach (var (value, origin) in explanation.Values)
        {
            var scope = string.Join(' ', new[] { value.Locale, value.Channel, value.Currency }.Where(s => s is not null));
            var name = scope.Length == 0 ? value.Attribute : $"{value.Attribute} [{scope}]";
            output.WriteLine($"  {name}: {value.Data.ReplaceLineEndings(" ")}{OriginText.Of(origin)}");
        }

        foreach (var channel in explanation.Channels)
        {
            output.WriteLine(channel.Published ? $"  {channel.Code}: published" : $"  {channel.Code}: not published");
            foreach (var issue in channel.BlockedBy)
            {
                output.WriteLine($"    {issue.Rule}: {issue.Message}");
            }
        }

        foreach (var score in explanation.Completeness)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  completeness {score.Channel} {score.Locale}: {score.Present}/{score.Required} ({score.Ratio * 100:0}%)"));
        }
    }

    private static void WriteIssues(TextWriter output, IReadOnlyList<Issue> issues, string indent)
    {
        foreach (var issue in issues)
        {
            var where = issue.Column is null ? "" : $" (column {issue.Column}{(issue.Value is null ? "" : $", value '{issue.Value}'")})";
            output.WriteLine($"{indent}{issue.Severity.Code()} {issue.Rule}: {issue.Message}{where}");
        }
    }
}
