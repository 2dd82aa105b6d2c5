using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ProductFlow.Channels;
using ProductFlow.Publishing;

namespace ProductFlow.Server.Partners;

/// <summary><c>changes?since={n}</c>: the records added, changed or removed on a channel between version n and the current one, as JSON Lines.</summary>
/// <remarks>
/// Computed from the two versions' state files (<see cref="SnapshotDiff"/>), streamed: one line per record,
/// <c>{"change":"added"|"changed"|"removed","sku":...,"model":...,"fields":{...},"changed":[...]}</c> (a removal carries no fields).
/// <c>since=0</c> gives every current record as added. The current version answers in <c>X-ProductFlow-Version</c>: the
/// <c>since</c> of the next call. A version the channel no longer keeps (<c>keepVersions</c>) answers 410 Gone: fetch <c>latest</c>.
/// </remarks>
internal static class PartnerChanges
{
    public const string VersionHeader = "X-ProductFlow-Version";

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ChangesAsync(
        string channel, int? since, HttpContext context, IBlobStore exports, CancellationToken cancellationToken)
    {
        var note = AccessNote.Of(context, "changes", channel);
        if (since is not { } from || from < 0)
        {
            return TypedResults.Problem("give the version you have as ?since=<n> (0 for everything)", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await ExportHistory.CurrentVersionAsync(exports, channel, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return PartnerApi.NotFound($"channel '{channel}' has no published version");
        }

        note.Version = current;
        if (from > current)
        {
            return PartnerApi.NotFound($"channel '{channel}' has no version {from} (the current one is {current})");
        }

        var after = await exports.OpenReadAsync(ExportLayout.Snapshot(channel, current), cancellationToken).ConfigureAwait(false);
        var before = from == 0 || from == current ? null : await exports.OpenReadAsync(ExportLayout.Snapshot(channel, from), cancellationToken).ConfigureAwait(false);
        if (after is null || (before is null && from != 0 && from != current))
        {
            await DisposeAsync(after, before).ConfigureAwait(false);
            return TypedResults.Problem(
                $"the changes since version {from} of channel '{channel}' are no longer kept (the channel keeps its latest versions only): fetch latest",
                statusCode: StatusCodes.Status410Gone);
        }

        context.Response.Headers[VersionHeader] = current.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Stream(
            async body =>
            {
                try
                {
                    if (from == current)
                    {
                        return;
                    }

                    var rows = SnapshotFile.Read(after);
                    var changes = before is null ? rows.Select(r => new SnapshotChange(ChannelChangeKind.Added, r, [])) : SnapshotDiff.Changes(SnapshotFile.Read(before), rows);
                    await WriteAsync(body, changes, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await DisposeAsync(after, before).ConfigureAwait(false);
                }
            },
            "application/x-ndjson; charset=utf-8");
    }

    /// <summary>Writes the changes as JSON Lines through a pipe: no synchronous write reaches the response, one flush per 256 lines.</summary>
    private static async Task WriteAsync(Stream body, IEnumerable<SnapshotChange> changes, CancellationToken cancellationToken)
    {
        var pipe = PipeWriter.Create(body, new StreamPipeWriterOptions(leaveOpen: true));
        using (var writer = new Utf8JsonWriter(pipe))
        {
            var lines = 0;
            foreach (var change in changes)
            {
                writer.Reset();
                Write(writer, change);
                writer.Flush();
                pipe.Write("\n"u8);
                if (++lines % 256 == 0)
                {
                    await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await pipe.CompleteAsync().ConfigureAwait(false);
    }

    private static void Write(Utf8JsonWriter writer, SnapshotChange change)
    {
        writer.WriteStartObject();
        writer.WriteString("change", change.Kind.ToString().ToLowerInvariant());
        writer.WriteString("sku", change.Row.Sku);
        if (change.Row.Model is { } model)
        {
            writer.WriteString("model", model);
        }

        if (change.Kind != ChannelChangeKind.Removed)
        {
            writer.WriteStartObject("fields");
            foreach (var (name, text) in change.Row.Fields)
            {
                writer.WriteString(name, text);
            }

            writer.WriteEndObject();
        }

        if (change.Kind == ChannelChangeKind.Changed)
        {
            writer.WriteStartArray("changed");
            foreach (var field in change.ChangedFields)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static async ValueTask DisposeAsync(Stream? after, Stream? before)
    {
        if (after is not null)
        {
            await after.DisposeAsync().ConfigureAwait(false);
        }

        if (before is not null)
        {
            await before.DisposeAsync().ConfigureAwait(false);
        }
    }
}
