using System.Globalization;
using ProductFlow.Running;
using Spectre.Console;

namespace ProductFlow.Cli.Output;

/// <summary>Progress for a terminal: the run executes inside a Spectre.Console progress display on stderr (bar, share, time left, rows and rate).</summary>
internal static class LiveProgress
{
    public static async Task<T> RunAsync<T>(string pipeline, Func<IProgress<RunProgress>, Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(pipeline), maxValue: 1);
                var progress = new Progress<RunProgress>(p =>
                {
                    if (p.TotalBytes > 0)
                    {
                        task.MaxValue = p.TotalBytes;
                        task.Value = p.BytesRead;
                    }

                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.Pipeline}: {p.Rows:N0} rows, {p.RowsPerSecond:N0} rows/s"));
                });
                var result = await run(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }
}
