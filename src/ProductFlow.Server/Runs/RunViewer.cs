using System.Security.Claims;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Configuration;
using ProductFlow.Store;

namespace ProductFlow.Server.Runs;

/// <summary>Which runs a signed-in caller may see: an operator every run; a supplier the runs of its own uploads.</summary>
internal sealed record RunViewer(bool Operator, string? Supplier)
{
    public static RunViewer Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var kind = user.FindFirstValue(ApiKeyClaims.Kind);
        return new RunViewer(kind == AdminPolicy.Kind, kind == nameof(PrincipalKind.Supplier) ? user.Identity?.Name : null);
    }

    public bool MaySee(RunRecord run) =>
        Operator || (Supplier is not null && string.Equals(run.SubmittedBy, RunSubmitters.Supplier(Supplier), StringComparison.Ordinal));

    /// <summary>The run <paramref name="id"/> if the caller may see it; otherwise null, as for a run that does not exist.</summary>
    public static async Task<RunRecord?> FindAsync(string id, ClaimsPrincipal user, StoreProvider stores, CancellationToken cancellationToken)
    {
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var run = await store.FindRunAsync(id, cancellationToken).ConfigureAwait(false);
            return run is not null && Of(user).MaySee(run) ? run : null;
        }
    }
}
