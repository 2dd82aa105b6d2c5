using System.CommandLine;
using ProductFlow.Cli.Output;

namespace ProductFlow.Cli.Commands;

/// <summary><c>productflow worker</c>: runs jobs (ingestion, scheduled publication) from the service's Hangfire storage on PostgreSQL.</summary>
/// <remarks>Plain options only: ProductFlow.Server is loaded when the command runs (<see cref="WorkerAction"/>), never by other commands.</remarks>
internal static class WorkerCommand
{
    public static readonly Option<string> Queues = new("--queues")
    {
        Description = "The queues to take jobs from, comma-separated, in order of priority: ingest, publish, default (default: all of them).",
        DefaultValueFactory = _ => "ingest,publish,default",
    };

    public static readonly Option<int?> Workers = new("--workers") { Description = "Jobs at once (default: ProductFlow:Jobs:Workers, one per processor)." };

    public static Command Create()
    {
        var command = new Command("worker", "Run jobs from the service's queues (Hangfire on PostgreSQL), configured like serve; SIGTERM stops it gracefully.")
        {
            Queues, Workers, ServeCommand.Data, ServeCommand.LogFormat,
        }.WithExamples(
            "productflow worker",
            "productflow worker --queues ingest --workers 4",
            "productflow worker --queues publish,default --log-format json");
        command.SetAction((result, ct) => WorkerAction.RunAsync(result, ct));
        return command;
    }
}
