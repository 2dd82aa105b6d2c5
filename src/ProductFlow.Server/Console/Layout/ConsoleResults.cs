using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ProductFlow.Server.Console.Layout;

/// <summary>The console's answers that are not a page of their own: not found (404) and refused (409), each as a page that says why.</summary>
internal static class ConsoleResults
{
    public static IResult NotFound(string message) =>
        new RazorComponentResult<MessagePage>(new { Title = "Not found", Message = message, Back = ConsolePaths.Runs }) { StatusCode = StatusCodes.Status404NotFound };

    public static IResult Refused(string message, string back) =>
        new RazorComponentResult<MessagePage>(new { Title = "Not done", Message = message, Back = back }) { StatusCode = StatusCodes.Status409Conflict };
}
