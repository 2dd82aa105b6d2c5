using System.Text.Json;
using ProductFlow.Model;

namespace ProductFlow.Reports;

/// <summary>The change of a run against the previous run of the same pipeline and kind: new issues, fixed issues, delta in accepted rows.</summary>
/// <remarks>
/// The previous run is the one whose <c>report.json</c>, in a sibling folder of this run's report, names the same pipeline and
/// the same <see cref="Mode"/> (a <c>validate</c> is compared with validates, a <c>run</c> with runs, a <c>replay</c> with replays: a
/// validate stores nothing and a replay reads only rejected rows, so neither is a base for the others), and the latest
/// <c>startedAt</c> before this run's (passing over a report.json that cannot be read). Issues are counted by (rule, SKU, field) over the issues each
/// report.json embeds (the first <see cref="ReportJsonWriter.EmbeddedLimit"/>); <see cref="Partial"/> says when either run
/// had more, so the comparison covers only the first ones.
/// </remarks>
public sealed record RunComparison(string PreviousRunId, DateTimeOffset PreviousStarted, string PreviousStatus, long NewIssues, long FixedIssues, long AcceptedDelta, bool Partial)
{
    /// <summary>The kind of both runs: <c>run</c>, <c>validate</c> or <c>replay</c>.</summary>
    public string Mode { get; init; } = "run";

    // pipeline and startedAt are among the first properties report.json writes: reading this much of each file finds them.
    private const int HeaderBytes = 8192;

    /// <summary>Compares <paramref name="report"/> with the previous run of its pipeline and kind; <c>null</c> when there is none.</summary>
    public static RunComparison? Find(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reports = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(report.Folder));
        if (reports is null || !Directory.Exists(reports))
        {
            return null;
        }

        var earlier = new List<(string Path, DateTimeOffset Started)>();
        foreach (var folder in Directory.EnumerateDirectories(reports))
        {
            var path = Path.Combine(folder, ReportJsonWriter.FileName);
            if (Path.GetFileName(folder) == report.Run.Id || !File.Exists(path))
            {
                continue;
            }

            var (pipeline, mode, started) = ReadHeader(path);
            if (pipeline == report.Run.Pipeline && (mode ?? "run") == report.Mode && started is { } at && at < report.Run.Started)
            {
                earlier.Add((path, at));
            }
        }

        // The latest one that can be read: a damaged report.json (a run killed while writing it) is passed over.
        return earlier.OrderByDescending(e => e.Started).Select(e => Compare(report, e.Path)).FirstOrDefault(c => c is not null);
    }

    /// <summary>Compares <paramref name="report"/> with the report.json at <paramref name="previousReportJson"/>; <c>null</c> when it cannot be read.</summary>
    public static RunComparison? Compare(QualityReport report, string previousReportJson)
    {
        ArgumentNullException.ThrowIfNull(report);
        try
        {
            using var stream = File.OpenRead(previousReportJson);
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var before = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var issue in root.GetProperty("issues").EnumerateArray())
            {
                Add(before, Key(Text(issue, "rule"), Text(issue, "sku"), Text(issue, "field")), 1);
            }

            var now = new Dictionary<string, long>(StringComparer.Ordinal);
            var embedded = report.Issues.Take(ReportJsonWriter.EmbeddedLimit).ToList();
            foreach (var issue in embedded)
            {
                Add(now, Key(issue), 1);
            }

            long added = 0, fixedCount = 0;
            foreach (var (key, count) in now)
            {
                added += Math.Max(0, count - before.GetValueOrDefault(key));
            }

            foreach (var (key, count) in before)
            {
                fixedCount += Math.Max(0, count - now.GetValueOrDefault(key));
            }

            var partial = root.GetProperty("issuesTruncated").GetBoolean() || report.IssuesTotal > embedded.Count;
            return new RunComparison(
                root.GetProperty("runId").GetString() ?? "",
                root.GetProperty("startedAt").GetDateTimeOffset(),
                root.GetProperty("status").GetString() ?? "",
                added,
                fixedCount,
                report.Run.Counts.Accepted - root.GetProperty("counts").GetProperty("accepted").GetInt64(),
                partial)
            { Mode = report.Mode };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A previous report that is damaged or of another shape is no reason to fail this run's report.
            return null;
        }
    }

    private static (string? Pipeline, string? Mode, DateTimeOffset? Started) ReadHeader(string path)
    {
        try
        {
            var buffer = new byte[HeaderBytes];
            int read;
            using (var stream = File.OpenRead(path))
            {
                read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, read), isFinalBlock: read < buffer.Length, state: default);
            string? pipeline = null;
            string? mode = null;
            DateTimeOffset? started = null;
            while ((pipeline is null || mode is null || started is null) && reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var name = reader.GetString();
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    continue;
                }

                if (name == "pipeline")
                {
                    pipeline = reader.GetString();
                }
                else if (name == "mode")
                {
                    mode = reader.GetString();
                }
                else if (name == "startedAt" && reader.TryGetDateTimeOffset(out var at))
                {
                    started = at;
                }
            }

            return (pipeline, mode, started);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Text(JsonElement issue, string name) =>
        issue.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Key(Issue issue) => Key(issue.Rule, issue.Sku, issue.Field);

    private static string Key(string? rule, string? sku, string? field) => string.Join('\u001f', rule, sku, field);

    private static void Add(Dictionary<string, long> counts, string key, long count) => counts[key] = counts.GetValueOrDefault(key) + count;
}
