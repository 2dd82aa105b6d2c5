using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Access;

namespace ProductFlow.Cli.Commands;

/// <summary><c>partner list</c> and <c>partner activity</c>: what the store knows of partners and what they fetched. Never a key.</summary>
internal static partial class PartnerCommands
{
    private const int ActivityLimit = 100;

    private static async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var partners = new List<Principal>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await foreach (var partner in store.ReadPrincipalsAsync(PrincipalKind.Partner, cancellationToken).ConfigureAwait(false))
            {
                partners.Add(partner);
            }
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("partners");
                foreach (var partner in partners)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", partner.Name);
                    WriteStrings(writer, "channels", partner.Grants);
                    writer.WriteBoolean("disabled", partner.Disabled);
                    writer.WriteString("created", Time(partner.Created));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }).ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        foreach (var partner in partners)
        {
            var channels = partner.Grants.Count == 0 ? "none" : string.Join(", ", partner.Grants);
            await Console.Out.WriteLineAsync($"{partner.Name}  {(partner.Disabled ? "disabled" : "enabled")}  channels {channels}  since {Time(partner.Created)}").ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }

    private static async Task<int> ActivityAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(Name);
        var records = new List<AccessRecord>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            _ = await FindAsync(store, name, cancellationToken).ConfigureAwait(false);
            await foreach (var record in store.ReadAccessAsync(PrincipalKind.Partner, name, ActivityLimit, cancellationToken).ConfigureAwait(false))
            {
                records.Add(record);
            }
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("partner", name);
                writer.WriteStartArray("activity");
                foreach (var record in records)
                {
                    writer.WriteStartObject();
                    writer.WriteString("at", Time(record.At));
                    writer.WriteString("action", record.Action);
                    writer.WriteString("channel", record.Target);
                    if (record.Version is { } version)
                    {
                        writer.WriteNumber("version", version);
                    }
                    else
                    {
                        writer.WriteNull("version");
                    }

                    writer.WriteNumber("status", record.Status);
                    writer.WriteNumber("bytes", record.Bytes);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }).ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        if (records.Count == 0)
        {
            await Console.Out.WriteLineAsync($"partner {name} has fetched nothing yet").ConfigureAwait(false);
        }

        foreach (var record in records)
        {
            var version = record.Version is { } v ? "v" + v.ToString(CultureInfo.InvariantCulture) : "-";
            await Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{Time(record.At)}  {record.Action,-8}  {record.Target ?? "-"}  {version}  {record.Status}  {record.Bytes} bytes")).ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
