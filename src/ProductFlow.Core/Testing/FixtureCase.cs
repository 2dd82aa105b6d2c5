namespace ProductFlow.Testing;

/// <summary>One regression case beside a pipeline: <c>&lt;pipeline&gt;.tests/&lt;case&gt;/input.*</c> with what it must produce.</summary>
/// <remarks>
/// The expected outputs are <c>issues.csv</c>, <c>rejected.csv</c> (when rows are rejected) and <c>exports/&lt;channel&gt;/&lt;file&gt;</c>,
/// each compared byte for byte with what the run produced; any other file of the case folder is the case's own (notes, the input).
/// </remarks>
public sealed record FixtureCase(string Pipeline, string Name, string Folder, string Input)
{
    public const string IssuesFile = "issues.csv";
    public const string RejectedFile = "rejected.csv";
    public const string ExportsFolder = "exports";

    /// <summary>The cases of a pipeline file: every sub-folder of <c>&lt;pipeline&gt;.tests/</c> that holds an <c>input.*</c> file.</summary>
    public static IEnumerable<FixtureCase> Of(string pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var folder = Path.ChangeExtension(Path.GetFullPath(pipeline), null) + ".tests";
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var caseFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (Directory.GetFiles(caseFolder, "input.*").FirstOrDefault() is { } input)
            {
                yield return new FixtureCase(pipeline, Path.GetFileName(caseFolder), caseFolder, input);
            }
        }
    }

    /// <summary>Whether <paramref name="relative"/> (a path in the case folder, with <c>/</c>) names an output a run produces and a case expects.</summary>
    public static bool IsOutput(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return relative is IssuesFile or RejectedFile || relative.StartsWith(ExportsFolder + "/", StringComparison.Ordinal);
    }

    /// <summary>The outputs the case expects, as relative paths with <c>/</c>, in ordinal order.</summary>
    public IReadOnlyList<string> ExpectedOutputs() =>
        Directory.GetFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(IsOutput)
            .Order(StringComparer.Ordinal)
            .ToList();
}
