using Microsoft.Extensions.Logging;
using ProductFlow.Pipelines;
using ProductFlow.Reports;
using ProductFlow.Running;

namespace ProductFlow.Testing;

/// <summary>Runs a pipeline's regression cases and compares what they produce with what they expect, byte for byte.</summary>
/// <remarks>
/// Each case runs in a fresh temporary data folder, publishing whatever the pipeline's schedule, so a rule or
/// mapping change that alters an export, an issue or a rejected row shows up as a failed case. A case fails as well when the
/// run produces an output it does not expect, and when it expects nothing at all (a new case, before its outputs are recorded).
/// <c>update</c> writes the current outputs as the expectation instead (to create a case, or to approve an intended change).
/// </remarks>
public sealed class FixtureRunner(ILoggerFactory? logging = null)
{
    /// <summary>What a case that cannot fail is told: record its outputs first.</summary>
    public const string UpdateHint = "run 'productflow test --update' to record the outputs of this case, read them, and commit them";

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
            var actual = new Dictionary<string, FixtureOutput>(StringComparer.Ordinal)
            {
                [FixtureCase.IssuesFile] = new(Path.Combine(report.Folder, IssueLog.FileName), null),
            };
            if (Path.Combine(report.Folder, RejectedLog.FileName) is var rejected && File.Exists(rejected))
            {
                actual[FixtureCase.RejectedFile] = new(rejected, null);
            }

            foreach (var (channel, file) in report.Exports.Where(e => File.Exists(e.Value)))
            {
                var encoding = pipeline.Catalog.FindChannel(channel) is { } definition ? Channels.Partner.PartnerFormat.TextEncoding(definition) : null;
                actual[$"{FixtureCase.ExportsFolder}/{channel}/{Path.GetFileName(file)}"] = new(file, encoding);
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

    private static FixtureOutcome Compare(FixtureCase fixture, Dictionary<string, FixtureOutput> actual)
    {
        var expected = fixture.ExpectedOutputs();
        if (expected.Count == 0)
        {
            return new FixtureOutcome(fixture, [new FileDifference("", $"  nothing to compare: the case has its input only ({UpdateHint})\n")]);
        }

        var differences = new List<FileDifference>();
        foreach (var relative in expected)
        {
            var wanted = File.ReadAllBytes(Path.Combine(fixture.Folder, relative));
            if (!actual.TryGetValue(relative, out var produced))
            {
                differences.Add(new FileDifference(relative, "  the run did not produce this file\n") { What = "is missing" });
                continue;
            }

            var got = File.ReadAllBytes(produced.Path);
            if (!wanted.AsSpan().SequenceEqual(got))
            {
                differences.Add(new FileDifference(relative, TextDiff.Describe(TextDiff.Decode(wanted, produced.Encoding), TextDiff.Decode(got, produced.Encoding))));
            }
        }

        foreach (var relative in actual.Keys.Where(k => !expected.Contains(k)).Order(StringComparer.Ordinal))
        {
            differences.Add(new FileDifference(relative, $"  the run produced this file, which the case does not expect ({UpdateHint})\n") { What = "was not expected" });
        }

        return new FixtureOutcome(fixture, differences);
    }

    private static FixtureOutcome Update(FixtureCase fixture, Dictionary<string, FixtureOutput> actual)
    {
        foreach (var stale in fixture.ExpectedOutputs())
        {
            File.Delete(Path.Combine(fixture.Folder, stale));
        }

        var exports = Path.Combine(fixture.Folder, FixtureCase.ExportsFolder);
        if (Directory.Exists(exports) && !Directory.EnumerateFiles(exports, "*", SearchOption.AllDirectories).Any())
        {
            Directory.Delete(exports, recursive: true);
        }

        foreach (var (relative, output) in actual)
        {
            var target = Path.Combine(fixture.Folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(output.Path, target, overwrite: true);
        }

        return new FixtureOutcome(fixture, []);
    }

    /// <summary>A file a run produced, and the text encoding it is written in (<c>null</c>: UTF-8).</summary>
    private sealed record FixtureOutput(string Path, System.Text.Encoding? Encoding);
}
