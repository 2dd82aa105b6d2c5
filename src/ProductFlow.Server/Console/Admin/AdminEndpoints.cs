using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ProductFlow.Access;
using ProductFlow.Scheduling;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Forms;

namespace ProductFlow.Server.Console.Admin;

/// <summary>Admins only: <c>/console/admin</c> (partners, suppliers, users, schedules) and its actions, add, rotate a key and revoke, made by
/// <see cref="Principals"/> as the <c>partner</c>, <c>supplier</c> and <c>user</c> commands make them. A new key is shown once, on the page
/// the action answers with (sent <c>no-store</c>, like every console page).</summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminPages(this RouteGroupBuilder console)
    {
        var admin = console.MapGroup("/admin").RequireAuthorization(ConsolePolicies.Admin);
        admin.MapGet("/", (StoreProvider stores, ServicePipelines pipelines, TimeProvider time, CancellationToken ct) => PageAsync(stores, pipelines, time, null, ct));
        admin.MapPost("/{kind}/add", AddAsync).WithFormCheck();
        admin.MapPost("/{kind}/{name}/rotate", RotateAsync).WithFormCheck();
        admin.MapPost("/{kind}/{name}/revoke", RevokeAsync).WithFormCheck();
        return console;
    }

    private static async Task<IResult> PageAsync(StoreProvider stores, ServicePipelines pipelines, TimeProvider time, AdminOutcome? outcome, CancellationToken cancellationToken)
    {
        var partners = new List<(Principal, AccessRecord?)>();
        var suppliers = new List<Principal>();
        var users = new List<Principal>();
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await foreach (var partner in store.ReadPrincipalsAsync(PrincipalKind.Partner, cancellationToken).ConfigureAwait(false))
            {
                AccessRecord? last = null;
                await foreach (var record in store.ReadAccessAsync(PrincipalKind.Partner, partner.Name, 1, cancellationToken).ConfigureAwait(false))
                {
                    last = record;
                }

                partners.Add((partner, last));
            }

            await foreach (var supplier in store.ReadPrincipalsAsync(PrincipalKind.Supplier, cancellationToken).ConfigureAwait(false))
            {
                suppliers.Add(supplier);
            }

            await foreach (var user in store.ReadPrincipalsAsync(PrincipalKind.User, cancellationToken).ConfigureAwait(false))
            {
                users.Add(user);
            }
        }

        var now = time.GetUtcNow();
        var schedules = Directory.Exists(pipelines.Folder) ? ScheduleCatalog.Load(pipelines.Folder).Select(s => (s, s.When.Next(now))).ToList() : [];
        var model = new AdminPageModel(
            partners, suppliers, users, schedules, pipelines.Channels().Select(c => c.Code).ToList(), pipelines.Load().Select(p => p.Definition.Name).ToList())
        {
            Outcome = outcome,
        };
        return new RazorComponentResult<AdminPage>(new { Model = model }) { StatusCode = outcome is { Failed: true } ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK };
    }

    private static async Task<IResult> AddAsync(
        string kind, HttpContext context, StoreProvider stores, ServicePipelines pipelines, TimeProvider time, CancellationToken cancellationToken)
    {
        if (KindOf(kind) is not { } principalKind)
        {
            return TypedResults.NotFound();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var grants = form["grant"].OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var role = principalKind == PrincipalKind.User ? form["role"].ToString() : null;
        var known = principalKind == PrincipalKind.Partner ? pipelines.Channels().Select(c => c.Code).ToList() : pipelines.Load().Select(p => p.Definition.Name).ToList();
        var problem = !PrincipalNames.IsValid(name) ? $"'{name}' is not a name: letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters."
            : grants.FirstOrDefault(g => !known.Contains(g, StringComparer.Ordinal)) is { } unknown ? $"'{unknown}' is not one of {string.Join(", ", known)}."
            : principalKind == PrincipalKind.User && !UserRoles.IsValid(role) ? "A user's role is steward or admin."
            : null;
        if (problem is not null)
        {
            return await PageAsync(stores, pipelines, time, new AdminOutcome(problem, Failed: true), cancellationToken).ConfigureAwait(false);
        }

        PrincipalChange added;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            added = await Principals.AddAsync(store, new Principal(principalKind, name) { Grants = grants, Role = role }, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        var outcome = added.Done
            ? new AdminOutcome($"{kind} {name} added: its key is below, shown this once. Hand it over now; only its hash is kept.", Key: added.Key)
            : new AdminOutcome($"There is already a {kind} {name}: rotate its key to give it a new one.", Failed: true);
        return await PageAsync(stores, pipelines, time, outcome, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> RotateAsync(string kind, string name, StoreProvider stores, ServicePipelines pipelines, TimeProvider time, CancellationToken cancellationToken)
    {
        if (KindOf(kind) is not { } principalKind)
        {
            return TypedResults.NotFound();
        }

        PrincipalChange rotated;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            rotated = await Principals.RotateKeyAsync(store, principalKind, name, time.GetUtcNow(), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        var outcome = rotated.Done
            ? new AdminOutcome($"{kind} {name} has a new key, below, shown this once; its other keys stopped now.", Key: rotated.Key)
            : new AdminOutcome($"There is no {kind} {name}.", Failed: true);
        return await PageAsync(stores, pipelines, time, outcome, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IResult> RevokeAsync(string kind, string name, StoreProvider stores, ServicePipelines pipelines, TimeProvider time, CancellationToken cancellationToken)
    {
        if (KindOf(kind) is not { } principalKind)
        {
            return TypedResults.NotFound();
        }

        PrincipalChange revoked;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            revoked = await Principals.DisableAsync(store, principalKind, name, cancellationToken).ConfigureAwait(false);
        }

        var outcome = revoked.Done
            ? new AdminOutcome($"{kind} {name} is revoked: its keys are refused from now on (its history stays).")
            : new AdminOutcome($"There is no {kind} {name}.", Failed: true);
        return await PageAsync(stores, pipelines, time, outcome, cancellationToken).ConfigureAwait(false);
    }

    private static PrincipalKind? KindOf(string kind) => kind switch
    {
        "partner" => PrincipalKind.Partner,
        "supplier" => PrincipalKind.Supplier,
        "user" => PrincipalKind.User,
        _ => null,
    };
}
