using System.Globalization;

namespace ProductFlow.Store;

/// <summary>Why a full run was stopped: it would have removed <see cref="WouldRemove"/> of the source's <see cref="SourceSkus"/> SKUs, more than <see cref="MaxShare"/>.</summary>
public sealed record RemovalGuard(long WouldRemove, long SourceSkus, double MaxShare)
{
    public string Describe(string pipeline) => string.Create(
        CultureInfo.InvariantCulture,
        $"the full run would remove {WouldRemove} of the {SourceSkus} products of pipeline {pipeline} ({(double)WouldRemove / SourceSkus:P0}), more than the allowed {MaxShare:P0}; nothing was committed");
}
