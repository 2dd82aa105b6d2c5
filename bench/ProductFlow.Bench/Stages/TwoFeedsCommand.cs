using System.Diagnostics;
using System.Globalization;

namespace ProductFlow.Bench.Stages;

/// <summary>
/// <c>two-feeds --rows N [--seed S]</c>: one <c>productflow run</c> process on one generated feed, then two at once on two
/// feeds (seeds S and S+1) with separate data folders; prints the combined rows/s of the pair against the single process
/// (the issue's target: at least 1.5x).
/// </summary>
internal static class TwoFeedsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var root = StagesCommand.RepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), "productflow-bench");
        var feeds = new[] { GenerateCommand.Cached(work, "csv", options.Rows, options.Seed), GenerateCommand.Cached(work, "csv", options.Rows, options.Seed + 1) };

        var single = Stopwatch.StartNew();
        var one = await RunAsync(root, feeds[0], Path.Combine(work, "two-feeds-single")).ConfigureAwait(false);
        single.Stop();

        var pair = Stopwatch.StartNew();
        var both = await Task.WhenAll(
            RunAsync(root, feeds[0], Path.Combine(work, "two-feeds-a")),
            RunAsync(root, feeds[1], Path.Combine(work, "two-feeds-b"))).ConfigureAwait(false);
        pair.Stop();

        var alone = options.Rows / single.Elapsed.TotalSeconds;
        var together = 2 * options.Rows / pair.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; {options.Rows:N0} rows per feed"));
        Console.WriteLine("| processes | wall | rows/s (combined) | exit codes |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 1 | {single.Elapsed.TotalSeconds:0.0} s | {alone:N0} | {one} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| 2 at once | {pair.Elapsed.TotalSeconds:0.0} s | {together:N0} | {string.Join(", ", both)} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two feeds at once: {together / alone:0.00}x one feed's throughput (target >= 1.5x)"));
        return both.Append(one).Any(code => code != 0) ? 1 : 0;
    }

    /// <summary>Runs the demo pipeline on <paramref name="feed"/> as its own process into a fresh data folder; returns its exit code.</summary>
    private static async Task<int> RunAsync(string root, string feed, string data)
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "productflow.dll"), "run", Path.Combine(root, "pipelines", "demo.json"), "--input", feed, "--data", data })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        _ = await output.ConfigureAwait(false);
        _ = await errors.ConfigureAwait(false);
        return process.ExitCode;
    }
}
