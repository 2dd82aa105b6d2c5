using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ProductFlow.Access;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Forms;

namespace ProductFlow.Server.Console.Access;

/// <summary><c>/console/sign-in</c> and <c>/console/sign-out</c>: a key in, a session cookie out (HttpOnly, SameSite=Strict, Secure over HTTPS).</summary>
/// <remarks>A user's key (<see cref="PrincipalKind.User"/>) or the admin key signs in; every other key, and a user without a console role, is
/// refused with the same answer. A user's sign-in is recorded in its activity (<c>productflow user activity</c>); the key never is.</remarks>
internal static class SignInEndpoints
{
    public static RouteGroupBuilder MapSignIn(this RouteGroupBuilder console)
    {
        console.MapGet("/sign-in", ShowAsync).AllowAnonymous();
        console.MapPost("/sign-in", SignInAsync).AllowAnonymous().WithFormCheck();
        console.MapPost("/sign-out", (Delegate)SignOutAsync).WithFormCheck();
        return console;
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string? returnUrl)
    {
        var session = await context.AuthenticateAsync(ConsoleAuthentication.Scheme).ConfigureAwait(false);
        return session.Succeeded
            ? TypedResults.Redirect(ConsolePaths.LocalReturn(returnUrl))
            : new RazorComponentResult<SignInPage>(new { ReturnUrl = returnUrl });
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context, [FromForm] string? key, [FromForm] string? returnUrl, StoreProvider stores, TimeProvider time, IOptions<ProductFlowOptions> options)
    {
        var presented = key?.Trim();
        var now = time.GetUtcNow();
        System.Security.Claims.ClaimsPrincipal? session = null;
        if (AdminKey.Matches(options.Value.AdminKey, presented))
        {
            session = ConsoleAuthentication.ForOperator(options.Value.AdminKey!);
        }
        else
        {
            var store = await stores.OpenAsync(context.RequestAborted).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                var user = await KeyAuthenticator.AuthenticateAsync(store, presented, now, PrincipalKind.User, context.RequestAborted).ConfigureAwait(false);
                if (user is not null && UserRoles.IsValid(user.Role))
                {
                    session = ConsoleAuthentication.For(user, ApiKeys.IdOf(presented)!);
                    await store.RecordAccessAsync([new AccessRecord(now, PrincipalKind.User, user.Name, "sign-in", null, StatusCodes.Status200OK, 0)], context.RequestAborted)
                        .ConfigureAwait(false);
                }
            }
        }

        if (session is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return new RazorComponentResult<SignInPage>(new { Failed = true, ReturnUrl = returnUrl }) { StatusCode = StatusCodes.Status401Unauthorized };
        }

        await context.SignInAsync(ConsoleAuthentication.Scheme, session, new AuthenticationProperties { IsPersistent = false }).ConfigureAwait(false);
        return TypedResults.Redirect(ConsolePaths.LocalReturn(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(ConsoleAuthentication.Scheme).ConfigureAwait(false);
        return TypedResults.Redirect(ConsolePaths.SignIn);
    }
}
