using Microsoft.Extensions.Logging;
using ProductFlow.Pipelines;
using ProductFlow.Reports;
using ProductFlow.Running;

namespace ProductFlow.Testing;

/// <summary>Runs a pipeline's regression cases and compares what they produce with what they expect, byte for byte.</summary>
/// <remarks>
/// Each case runs in a fresh temporary data folder, publishing whatever the pipeline's schedule, so a rule or
/// mapping change that alters an export or an issue shows up as a failed case. <c>update</c> writes the
/// current outputs as the expectation instead (to create a case, or to approve an intended change).
/// </remarks>
public sealed class FixtureRunner(ILoggerFactory? logging = null)
{
    public async Task<FixtureOutcome> RunAsync(FixtureCase fixture, bool update = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var pipeline = PipelineLoader.Load(fixture.Pipeline);
        pipeline.Definition.Publish = PublishMode.OnRun;
        var data = Path.Combine(Path.GetTempPath(), "productflow-test", Guid.NewGuid().ToString("N"));
        try
        {
            var runner = new PipelineRunner(RunServices.Embedded(data), logging?.CreateLogger<PipelineRunner>());
            var report = await runner.RunAsync(pipeline, RunRequest.For(pipeline) with { Input = fixture.Input }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var actual = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FixtureCase.IssuesFile] = Path.Combine(report.Folder, IssueLog.FileName),
            };
            foreach (var (channel, file) in report.Exports.Where(e => File.Exists(e.Value)))
            {
                actual[Path.Combine(FixtureCase.ExportsFolder, channel, Path.GetFileName(file))] = file;
            }

            return update ? Update(fixture, actual) : Compare(fixture, actual);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static FixtureOutcome Compare(FixtureCase fixture, Dictionary<string, string> actual)
    {
        var differences = new List<FileDifference>();
        var expected = Directory.GetFiles(fixture.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixture.Folder, f))
            .Where(f => f == FixtureCase.IssuesFile || f.StartsWith(FixtureCase.ExportsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var relative in expected)
        {
            var wanted = File.ReadAllBytes(Path.Combine(fixture.Folder, relative));
            if (!actual.TryGetValue(relative, out var produced))
            {
                differences.Add(new FileDifference(relative, "  the run did not produce this file\n"));
                continue;
            }

            var got = File.ReadAllBytes(produced);
            if (!wanted.AsSpan().SequenceEqual(got))
            {
                differences.Add(new FileDifference(relative, TextDiff.Describe(System.Text.Encoding.UTF8.GetString(wanted), System.Text.Encoding.UTF8.GetString(got))));
            }
        }

        return new FixtureOutcome(fixture, differences);
    }

    private static FixtureOutcome Update(FixtureCase fixture, Dictionary<string, string> actual)
    {
        var exports = Path.Combine(fixture.Folder, FixtureCase.ExportsFolder);
        if (Directory.Exists(exports))
        {
            Directory.Delete(exports, recursive: true);
        }

        foreach (var (relative, file) in actual)
        {
            var target = Path.Combine(fixture.Folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return new FixtureOutcome(fixture, []);
    }
}
