using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProductFlow.Bench.Stages;

/// <summary>Times <c>productflow run</c> end to end as its own process with <c>/usr/bin/time -v</c>: wall, CPU and max RSS.</summary>
internal static partial class ProcessTiming
{
    public static string Run(string root, string feed, string data, int rows)
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "productflow.dll");
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-v", "dotnet", cli, "run", Path.Combine(root, "pipelines", "demo.json"), "--input", feed, "--data", data })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEnd();
        var timing = process.StandardError.ReadToEnd();
        process.WaitForExit();
        string Field(string name) => Regex.Match(timing, Regex.Escape(name) + @":\s*(.+)").Groups[1].Value.Trim();
        var wall = Field("Elapsed (wall clock) time (h:mm:ss or m:ss)");
        var seconds = wall.Split(':').Aggregate(0.0, (total, part) => (total * 60) + double.Parse(part, CultureInfo.InvariantCulture));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"process `productflow run` on {Path.GetFileName(feed)} ({rows:N0} rows): wall {wall} ({rows / seconds:N0} rows/s), user {Field("User time (seconds)")} s, system {Field("System time (seconds)")} s, max RSS {long.Parse(Field("Maximum resident set size (kbytes)"), CultureInfo.InvariantCulture) / 1024:N0} MB, exit {process.ExitCode}");
    }
}
