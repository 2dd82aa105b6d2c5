using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using ProductFlow.Server.Uploads;
using ProductFlow.Store;

namespace ProductFlow.Server.Runs;

/// <summary><c>POST /runs/{id}/retry</c>: the feed of a failed run, run again as a new run (the failed one stays as it was, for the record).</summary>
internal static class RunRetry
{
    public static async Task<Results<Accepted<QueuedRun>, NotFound, ProblemHttpResult>> RetryAsync(
        string id, HttpContext context, FeedIntake intake, CancellationToken cancellationToken)
    {
        if (await RunViewer.FindAsync(id, context.User, intake.Stores, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            return TypedResults.NotFound();
        }

        if (run.Status != RunStatus.Failed)
        {
            return TypedResults.Problem($"run {id} is {run.Status.ToString().ToLowerInvariant()}: only a failed run is retried", statusCode: StatusCodes.Status409Conflict);
        }

        var queued = await intake.RequeueAsync(run, RunSubmitters.Operator, cancellationToken).ConfigureAwait(false);
        return queued is null
            ? TypedResults.Problem($"the feed of run {id} is no longer kept (archived feeds are purged after their retention)", statusCode: StatusCodes.Status410Gone)
            : TypedResults.Accepted($"/runs/{queued.RunId}", queued);
    }
}
