using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

/// <summary>A store whose sessions write through a <see cref="BackgroundStoreSession"/>, as a run's do: the contract suite runs against it (and hands it the inner store to close).</summary>
internal sealed class BackgroundSessionStore(IProductStore inner) : ProductStoreDecorator(inner, closesInner: true)
{
    public override async Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default) =>
        BackgroundStoreSession.Start(await Inner.BeginAsync(run, options, cancellationToken), cancellationToken);
}
