using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ProductFlow.IntegrationTests.Support;

/// <summary>The Bicep CLI of the NuGet package Azure.Bicep.CommandLine.linux-x64, which this project downloads at restore
/// (a <c>PackageDownload</c>: nothing of it is referenced or shipped) and whose path its build records; <c>PRODUCTFLOW_BICEP</c>
/// names another. Missing, the deployment tests fail under <c>CI=true</c> and are skipped elsewhere.</summary>
internal static class BicepCli
{
    /// <summary>The executable, or a stop (<see cref="MissingTool"/>) saying why there is none.</summary>
    public static string Executable
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("PRODUCTFLOW_BICEP") is { Length: > 0 } configured ? configured : Restored();
            if (path is null || !File.Exists(path))
            {
                MissingTool.Stop($"the Bicep CLI was not found at {path ?? "(no path recorded)"}: restore tests/ProductFlow.IntegrationTests " +
                    "(dotnet restore downloads Azure.Bicep.CommandLine.linux-x64) or set PRODUCTFLOW_BICEP");
            }

            if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }

            return path;
        }
    }

    private static string? Restored()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            MissingTool.Stop($"the restored Bicep CLI is the linux-x64 build; on {RuntimeInformation.RuntimeIdentifier} set PRODUCTFLOW_BICEP to a bicep executable");
        }

        return typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BicepCli")?.Value;
    }

    /// <summary>Runs <c>bicep</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>, with extra environment variables.</summary>
    public static BicepResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

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
            Assert.Fail("bicep did not finish within 2 minutes: " + string.Join(' ', args));
        }

        return new BicepResult(string.Join(' ', args), process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>What one <c>bicep</c> command did; its diagnostics (errors and warnings, one a line) are on stderr.</summary>
internal sealed record BicepResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"bicep {Command}: exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
