using System.Globalization;
using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Running;
using ProductFlow.Store;

namespace ProductFlow.Cli.Extensions;

/// <summary>What a command that publishes does about events, when an endpoint is configured: reconcile first, send once after.</summary>
/// <remarks>
/// <para>Before it publishes, a command adds to the outbox the events of the current versions that a crash may have kept from it
/// (<see cref="OutboxReconciler"/>); its own events are written to the outbox as it commits; after it, everything pending is sent
/// once (<see cref="OutboxSender"/>). A command is one attempt: it does not wait for the backoff of earlier failures.</para>
/// <para>Events that cannot be sent stay in the outbox and are named in one line on stderr; the command's exit code is its own.
/// Without an endpoint there is no instance of this: no outbox rows, no sending.</para>
/// </remarks>
internal sealed class CommandEvents
{
    private static readonly OutboxSender Sender = new(new OutboxSenderOptions { HonourBackoff = false });

    private readonly IEventPublisher _publisher;
    private readonly IBlobStore _exports;
    private readonly Func<CancellationToken, Task<IProductStore>> _openStore;

    private CommandEvents(IEventPublisher publisher, IBlobStore exports, Func<CancellationToken, Task<IProductStore>> openStore)
    {
        _publisher = publisher;
        _exports = exports;
        _openStore = openStore;
    }

    /// <summary>The events of a command on <paramref name="services"/>, or null when they have no publisher (no endpoint configured).</summary>
    public static CommandEvents? For(RunServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Events is { } publisher ? new CommandEvents(publisher, services.Exports, services.OpenStore) : null;
    }

    /// <summary>Runs <paramref name="command"/> between a reconcile and a send, each on the store opened for it (a run opens its own).</summary>
    public static async Task<T> AroundAsync<T>(CommandEvents? events, Func<Task<T>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (events is null)
        {
            return await command().ConfigureAwait(false);
        }

        await events.WithStoreAsync(store => events.ReconcileAsync(store, cancellationToken), cancellationToken).ConfigureAwait(false);
        var result = await command().ConfigureAwait(false);
        await events.WithStoreAsync(store => events.SendAsync(store, Console.Error, cancellationToken), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Adds the current versions' events that are missing from the outbox.</summary>
    public Task<int> ReconcileAsync(IProductStore store, CancellationToken cancellationToken) => OutboxReconciler.ReconcileAsync(store, _exports, cancellationToken);

    /// <summary>Reconciles, then sends what is pending, once; a failure is one line on <paramref name="error"/>, and the events stay pending.</summary>
    public async Task<OutboxSendResult> SendAsync(IProductStore store, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        await ReconcileAsync(store, cancellationToken).ConfigureAwait(false);
        var result = await Sender.SendPendingAsync(store, _publisher, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } reason)
        {
            await error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"productflow: {result.Pending} event(s) not sent, kept in the outbox: {reason.ReplaceLineEndings(" ")} (hint: 'productflow events send' sends them)")).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Opens the command's store for <paramref name="action"/> and closes it.</summary>
    public async Task<T> WithStoreAsync<T>(Func<IProductStore, Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var store = await _openStore(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            return await action(store).ConfigureAwait(false);
        }
    }
}
