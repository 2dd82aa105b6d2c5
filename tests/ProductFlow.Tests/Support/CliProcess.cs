using System.Diagnostics;

namespace ProductFlow.Tests.Support;

/// <summary>Runs the built <c>productflow</c> command as a real process, as a user would, and captures what it prints.</summary>
internal static class CliProcess
{
    /// <summary>
    /// The CLI as its own build wrote it (src/ProductFlow.Cli/bin/&lt;configuration&gt;/...), with its own dependencies:
    /// a test project's output may hold other versions of them (the integration tests reference ASP.NET Core).
    /// </summary>
    private static readonly Lazy<string> CliPath = new(() =>
    {
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var own = Path.Combine(TestPaths.RepositoryRoot, "src", "ProductFlow.Cli", "bin", testDirectory.Parent!.Name, testDirectory.Name, "productflow.dll");
        return File.Exists(own) ? own : Path.Combine(testDirectory.FullName, "productflow.dll");
    });

    /// <summary>The path of productflow.dll to run with <c>dotnet</c>.</summary>
    public static string Cli => CliPath.Value;

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs productflow with extra environment variables (a <c>null</c> value removes one).</summary>
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        start.ArgumentList.Add(Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("productflow did not finish within 2 minutes: " + string.Join(' ', args));
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
