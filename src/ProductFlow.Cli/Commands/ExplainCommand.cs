using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Cli.Output;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>explain &lt;sku&gt;</c>: each stored value with its origin; per channel, whether the product is published there and which rules keep it off; its completeness per channel and locale.</summary>
internal static class ExplainCommand
{
    private static readonly Argument<string> Sku = new("sku") { Description = "The product's SKU (case matters)." };
    private static readonly Option<string?> Channel = new("--channel") { Description = "Only this channel, and the values it can see." };
    private static readonly Option<string?> Locale = new("--locale") { Description = "Only the values of this locale (and unlocalised ones)." };

    public static Command Create()
    {
        var command = new Command("explain", "Explain a stored product: where each value came from, and why it is or is not published on each channel.")
        {
            Sku, Channel, Locale,
        }.WithExamples("productflow explain TS-1038-WHT-M", "productflow explain TS-1038-WHT-M --channel partner --locale en_US --json");
        command.WithStoreOptions().SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var sku = result.GetRequiredValue(Sku);
        StoredProduct? product;
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            product = await store.FindProductAsync(sku, cancellationToken).ConfigureAwait(false);
        }

        if (product is null)
        {
            throw new ProductFlowException($"SKU '{sku}' is not in the store") { Hint = "SKUs are case-sensitive; check --data or --store" };
        }

        var explanation = Explanation.Of(product, result.GetValue(Channel), result.GetValue(Locale));
        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer => WriteJson(writer, sku, explanation)).ConfigureAwait(false);
        }
        else
        {
            WriteText(Console.Out, sku, product.Version, explanation);
        }

        return ExitCodes.Completed;
    }

    private static void WriteJson(Utf8JsonWriter writer, string sku, Explanation explanation)
    {
        writer.WriteStartObject();
        writer.WriteString("sku", sku);
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
            writer.WriteBoolean("published", channel.Published);
            writer.WriteStartArray("blockedBy");
            foreach (var issue in channel.BlockedBy)
            {
                writer.WriteStartObject();
                writer.WriteString("rule", issue.Rule);
                writer.WriteString("severity", issue.Severity.Code());
                writer.WriteString("message", issue.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        NotesJson.WriteCompleteness(writer, explanation.Completeness);
        writer.WriteEndObject();
    }

    private static void WriteText(TextWriter output, string sku, int version, Explanation explanation)
    {
        output.WriteLine($"{sku}  version {version}");
        foreach (var (value, origin) in explanation.Values)
        {
            var scope = string.Join(' ', new[] { value.Locale, value.Channel, value.Currency }.Where(s => s is not null));
            var name = scope.Length == 0 ? value.Attribute : $"{value.Attribute} [{scope}]";
            var from = Output.OriginText.Of(origin);
            output.WriteLine($"  {name}: {value.Data.ReplaceLineEndings(" ")}{from}");
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
}
