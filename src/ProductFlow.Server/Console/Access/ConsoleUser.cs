using System.Security.Claims;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Runs;

namespace ProductFlow.Server.Console.Access;

/// <summary>Who is signed in to the console, read from the session's claims: a name, a role, and the pipelines a steward works on.</summary>
/// <remarks>A steward views, uploads to, validates and replays the pipelines it is granted; an admin (a user with that role, or the
/// operator signed in with <c>ProductFlow:AdminKey</c>) does everything.</remarks>
public sealed record ConsoleUser(string Name, string Role, IReadOnlyList<string> Pipelines, bool Operator = false)
{
    public bool IsAdmin => Role == UserRoles.Admin;

    /// <summary>Who runs started from the console are submitted by (<see cref="Store.RunRecord.SubmittedBy"/>).</summary>
    public string SubmittedBy => Operator ? RunSubmitters.Operator : RunSubmitters.User(Name);

    public bool MayWorkOn(string pipeline) => IsAdmin || Pipelines.Contains(pipeline, StringComparer.Ordinal);

    /// <summary>The user of a signed-in session; null for anyone else (a partner's or supplier's key, nobody).</summary>
    public static ConsoleUser? Of(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true, AuthenticationType: ConsoleAuthentication.Scheme, Name: { } name }
            || principal.FindFirstValue(ApiKeyClaims.Role) is not { } role || !UserRoles.IsValid(role))
        {
            return null;
        }

        var pipelines = principal.FindAll(ApiKeyClaims.Grant).Select(c => c.Value).ToList();
        return new ConsoleUser(name, role, pipelines, principal.FindFirstValue(ApiKeyClaims.Kind) == AdminPolicy.Kind);
    }
}
