using ProductFlow.Events;
using ProductFlow.Publishing;

namespace ProductFlow.Publishing;

/// <summary>Adds to the outbox the <c>ProductFlow.Export.Published</c> event of every channel's current version, unless it is there already.</summary>
/// <remarks>
/// <para>An export version is committed by its manifest and <c>current</c> in the export store, not in the product store, so its
/// event is added to the outbox just after, not in one transaction with it: a process that dies in between would lose it. The
/// event is a function of the manifest (<see cref="ExportPublishedEvent.For"/>) with an id derived from channel and version, so
/// reconciling derives it again and the outbox keeps it once (<see cref="IEventOutbox.AddEventsAsync"/> ignores a known id).</para>
/// <para>Run it before anything new is published (the host at start, a command before it publishes) and before sending: a lost
/// event of a version is recovered while that version is still current. Reconciling an outbox that never had a channel's event
/// (events turned on after the channel was published) announces the channel's current version once.</para>
/// </remarks>
public static class OutboxReconciler
{
    /// <summary>Derives the current versions' events from <paramref name="exports"/> and adds the missing ones; returns how many were added.</summary>
    public static async Task<int> ReconcileAsync(IEventOutbox outbox, IBlobStore exports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(exports);
        var channels = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var path in exports.ListAsync("", cancellationToken).ConfigureAwait(false))
        {
            // <channel>/current, for a channel folder at the top (not .state/...).
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && path[0] != '.' && string.Equals(path[(slash + 1)..], ExportLayout.CurrentName, StringComparison.Ordinal))
            {
                channels.Add(path[..slash]);
            }
        }

        var reader = new ChannelPublisher(exports);
        var events = new List<EventEnvelope>(channels.Count);
        foreach (var channel in channels)
        {
            if (await reader.CurrentAsync(channel, cancellationToken).ConfigureAwait(false) is { } manifest)
            {
                events.Add(ExportPublishedEvent.For(manifest, exports).ToEnvelope());
            }
        }

        return events.Count == 0 ? 0 : await outbox.AddEventsAsync(events, cancellationToken).ConfigureAwait(false);
    }
}
