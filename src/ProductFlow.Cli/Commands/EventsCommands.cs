using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using ProductFlow.Events;

namespace ProductFlow.Cli.Commands;

/// <summary><c>events list</c> and <c>events send</c>: the outbox of the store, and sending what it holds.</summary>
internal static class EventsCommands
{
    private static readonly Option<bool> Pending = new("--pending") { Description = "Only the events not sent yet." };

    public static Command Events()
    {
        var list = new Command("list", "List the events of the outbox in the order they were written: sent, pending, or held back after a failure.") { Pending }
            .WithExamples("productflow events list --pending", "productflow events list --json");
        list.WithStoreOptions().SetAction(ListAsync);
        var send = new Command("send", "Send the pending events now, in order (after adding those of the channels' current versions that are missing).")
        {
            PublishOptions.Exports,
        }.WithExamples("productflow events send", "productflow events send --store postgresql://productflow@db.internal/productflow --exports blob:exports");
        send.WithStoreOptions().SetAction(SendAsync);
        return new Command("events", "The events ProductFlow announces (Event Grid, configured by PRODUCTFLOW_EVENTGRID_ENDPOINT and _KEY): what waits in the outbox, and sending it.")
        {
            list, send,
        };
    }

    private static async Task<int> ListAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var json = result.GetValue(StoreOptions.Json);
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var entries = store.ReadEventsAsync(result.GetValue(Pending), int.MaxValue, cancellationToken);
            if (json)
            {
                var stdout = Console.OpenStandardOutput();
                await using (stdout.ConfigureAwait(false))
                {
                    using (var writer = new Utf8JsonWriter(stdout, CliJson.Options))
                    {
                        writer.WriteStartObject();
                        writer.WriteStartArray("events");
                        await foreach (var entry in entries.ConfigureAwait(false))
                        {
                            WriteEntry(writer, entry);
                        }

                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }

                    stdout.WriteByte((byte)'\n');
                }

                return ExitCodes.Completed;
            }

            await foreach (var entry in entries.ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync(Describe(entry)).ConfigureAwait(false);
            }
        }

        return ExitCodes.Completed;
    }

    private static async Task<int> SendAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var events = CommandEvents.For(CliRunServices.From(result)) ?? throw new ProductFlowException($"no event endpoint is configured: {EventPublishers.EndpointVariable} is not set")
        {
            Hint = $"set {EventPublishers.EndpointVariable} and {EventPublishers.KeyVariable} to the Event Grid topic",
        };
        var sent = await events.WithStoreAsync(store => events.SendAsync(store, Console.Error, cancellationToken), cancellationToken).ConfigureAwait(false);

        if (result.GetValue(StoreOptions.Json))
        {
            await StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("sent", sent.Sent);
                writer.WriteNumber("pending", sent.Pending);
                writer.WriteString("error", sent.Error);
                writer.WriteEndObject();
            }).ConfigureAwait(false);
        }
        else if (!result.GetValue(GlobalOptions.Quiet))
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{sent.Sent} event(s) sent, {sent.Pending} pending")).ConfigureAwait(false);
        }

        return sent.Error is null ? ExitCodes.Completed : ExitCodes.Infrastructure;
    }

    /// <summary>One line: sequence, state, type, id, the event's time, and for a failed one its attempts and last error.</summary>
    private static string Describe(OutboxEntry entry)
    {
        var e = entry.Event;
        var line = string.Create(CultureInfo.InvariantCulture, $"{entry.Sequence,6}  {State(entry),-7}  {e.Type,-28}  {e.Id}  {Time(e.Time)}");
        return entry.Attempts == 0 ? line
            : line + string.Create(CultureInfo.InvariantCulture, $"  {entry.Attempts} failed attempt(s){(entry.Sent is null && entry.NextAttempt is { } next ? ", next " + Time(next) : "")}: {entry.LastError}");
    }

    private static string State(OutboxEntry entry) => entry.Sent is not null ? "sent" : "pending";

    private static void WriteEntry(Utf8JsonWriter writer, OutboxEntry entry)
    {
        var e = entry.Event;
        writer.WriteStartObject();
        writer.WriteNumber("sequence", entry.Sequence);
        writer.WriteString("id", e.Id);
        writer.WriteString("type", e.Type);
        writer.WriteString("source", e.Source);
        writer.WriteString("subject", e.Subject);
        writer.WriteString("time", Time(e.Time));
        writer.WriteString("state", State(entry));
        writer.WriteString("created", Time(entry.Created));
        writer.WriteString("sent", entry.Sent is { } sent ? Time(sent) : null);
        writer.WriteNumber("attempts", entry.Attempts);
        writer.WriteString("nextAttempt", entry.NextAttempt is { } next ? Time(next) : null);
        writer.WriteString("lastError", entry.LastError);
        writer.WritePropertyName("data");
        writer.WriteRawValue(e.Data.Span, skipInputValidation: false);
        writer.WriteEndObject();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
