namespace ProductFlow.Testing;

/// <summary>One regression case beside a pipeline: <c>&lt;pipeline&gt;.tests/&lt;case&gt;/input.*</c> with its expected <c>exports/</c> and <c>issues.csv</c>.</summary>
public sealed record FixtureCase(string Pipeline, string Name, string Folder, string Input)
{
    public const string IssuesFile = "issues.csv";
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
}
