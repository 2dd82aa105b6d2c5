using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Forms;
using ProductFlow.Server.Uploads;

namespace ProductFlow.Server.Console.Uploads;

/// <summary><c>/console/upload</c>: a steward picks a pipeline it may feed and a file; the file streams into the pipeline's inbox through
/// <see cref="FeedIntake"/>, as <c>POST /feeds/{pipeline}</c> does, and runs (or, with <i>Validate only</i>, is validated: nothing stored).</summary>
internal static class UploadEndpoints
{
    public static RouteGroupBuilder MapUploadPages(this RouteGroupBuilder console)
    {
        console.MapGet("/upload", (HttpContext context, ServicePipelines pipelines, string? pipeline) => Page(context, pipelines, pipeline, null));
        console.MapPost("/upload", UploadAsync).DisableAntiforgery();
        return console;
    }

    private static RazorComponentResult<UploadPage> Page(HttpContext context, ServicePipelines pipelines, string? pipeline, string? problem, int status = StatusCodes.Status200OK)
    {
        var user = ConsoleUser.Of(context.User)!;
        var names = pipelines.Load().Select(p => p.Definition.Name).Where(user.MayWorkOn).ToList();
        return new RazorComponentResult<UploadPage>(new { Pipelines = names, Selected = pipeline, Problem = problem }) { StatusCode = status };
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context, FeedIntake intake, ServicePipelines pipelines, IOptions<ProductFlowOptions> options, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Of(context.User)!;
        var limit = options.Value.Uploads.MaxBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + (64 * 1024);
        }

        try
        {
            if (await ConsoleForms.ReadFileFormAsync(context, cancellationToken).ConfigureAwait(false) is not { } form)
            {
                return Page(context, pipelines, null, "The form is out of date or was not sent by the console: reload the page and send it again.", StatusCodes.Status400BadRequest);
            }

            var pipeline = form["pipeline"];
            if (pipeline is null || pipelines.Find(pipeline) is null || !user.MayWorkOn(pipeline))
            {
                return Page(context, pipelines, null, $"Pick a pipeline you may feed{(pipeline is null ? "" : $" ('{pipeline}' is not one)")}.", StatusCodes.Status400BadRequest);
            }

            if (form.File is null || form.FileName is null)
            {
                return Page(context, pipelines, pipeline, "Choose a file (or drop it on the box) before sending.", StatusCodes.Status400BadRequest);
            }

            var mode = form["mode"] == "validate" ? UploadMode.Validate : UploadMode.Run;
            var queued = await intake.AcceptAsync(pipeline, form.FileName, form.File, user.SubmittedBy, limit, cancellationToken, mode).ConfigureAwait(false);
            return TypedResults.Redirect(ConsolePaths.Run(queued.RunId));
        }
        catch (Exception e) when (e is FeedTooLargeException || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            return Page(context, pipelines, null, $"The file is larger than the {limit:N0} bytes an upload may hold (ProductFlow:Uploads:MaxBytes): nothing of it was kept.", StatusCodes.Status413PayloadTooLarge);
        }
    }
}
