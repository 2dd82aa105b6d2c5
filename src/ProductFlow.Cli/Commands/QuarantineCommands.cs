using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Cli.Output;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>quarantine list</c>: the rejected records the store keeps, by run, with their issues and source fields.</summary>
internal static class QuarantineCommands
{
    private static readonly Option<bool> All = new("--all") { Description = "Also list entries closed by a later run that accepted their SKU." };

    public static Command Quarantine(Microsoft.Extensions.Logging.ILoggerFactory logging)
    {
        var list = new Command("list", "List open quarantined records: run, line, SKU and issues, the latest run first.") { All }.WithStoreOptions()
            .WithExamples("productflow quarantine list", "productflow quarantine list --all --json");
        list.SetAction(ListAsync);
        return new Command("quarantine", "Read the records runs kept out of the store, and replay them after a fix.") { list, QuarantineReplay.Replay(logging) };
    }

    private static async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var entries = new List<QuarantineEntry>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await foreach (var entry in store.ReadQuarantineAsync(result.GetValue(All), cancellationToken).ConfigureAwait(false))
            {
                entries.Add(entry);
            }
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer => WriteJson(writer, entries)).ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        if (entries.Count == 0)
        {
            await Console.Out.WriteLineAsync(result.GetValue(All) ? "no quarantined records" : "no open quarantined records (--all lists the closed ones too)").ConfigureAwait(false);
        }

        foreach (var entry in entries)
        {
            using var issues = JsonDocument.Parse(entry.Issues);
            var rules = string.Join(", ", issues.RootElement.EnumerateArray().Select(i => i.GetProperty("rule").GetString()));
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{entry.RunId}  line {entry.Line,6}  {entry.Sku ?? "(no sku)"}  {rules}{(entry.ClosedBy is null ? "" : "  closed by " + entry.ClosedBy)}")).ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }

    private static void WriteJson(Utf8JsonWriter writer, List<QuarantineEntry> entries)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("entries");
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("runId", entry.RunId);
            writer.WriteNumber("line", entry.Line);
            writer.WriteString("sku", entry.Sku);
            writer.WritePropertyName("issues");
            writer.WriteRawValue(entry.Issues);
            writer.WritePropertyName("source");
            writer.WriteRawValue(entry.Source);
            writer.WriteString("closedBy", entry.ClosedBy);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
