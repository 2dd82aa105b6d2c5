using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Access;

namespace ProductFlow.Cli.Commands;

/// <summary><c>list</c> and <c>activity</c>: what the store knows of the principals of a kind and what they did. Never a key.</summary>
internal sealed partial class PrincipalCommands
{
    private const int ActivityLimit = 100;

    private async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var principals = new List<Principal>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await foreach (var principal in store.ReadPrincipalsAsync(_spec.Kind, cancellationToken).ConfigureAwait(false))
            {
                principals.Add(principal);
            }
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray(_spec.Noun + "s");
                foreach (var partner in principals)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", partner.Name);
                    if (_spec.Roles.Count > 0)
                    {
                        writer.WriteString("role", partner.Role);
                    }

                    WriteStrings(writer, _spec.Grant + "s", partner.Grants);
                    writer.WriteBoolean("disabled", partner.Disabled);
                    writer.WriteString("created", Time(partner.Created));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }).ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        foreach (var partner in principals)
        {
            var channels = partner.Grants.Count == 0 ? "none" : string.Join(", ", partner.Grants);
            var role = _spec.Roles.Count > 0 ? $"  {partner.Role}" : "";
            await Console.Out.WriteLineAsync($"{partner.Name}  {(partner.Disabled ? "disabled" : "enabled")}{role}  {_spec.Grant}s {channels}  since {Time(partner.Created)}").ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }

    private async Task<int> ActivityAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var records = new List<AccessRecord>();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            _ = await store.FindPrincipalAsync(_spec.Kind, name, cancellationToken).ConfigureAwait(false) ?? throw NotFound(name);
            await foreach (var record in store.ReadAccessAsync(_spec.Kind, name, ActivityLimit, cancellationToken).ConfigureAwait(false))
            {
                records.Add(record);
            }
        }

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString(_spec.Noun, name);
                writer.WriteStartArray("activity");
                foreach (var record in records)
                {
                    writer.WriteStartObject();
                    writer.WriteString("at", Time(record.At));
                    writer.WriteString("action", record.Action);
                    writer.WriteString(_spec.Grant, record.Target);
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
            await Console.Out.WriteLineAsync($"{_spec.Noun} {name} has done nothing yet").ConfigureAwait(false);
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
