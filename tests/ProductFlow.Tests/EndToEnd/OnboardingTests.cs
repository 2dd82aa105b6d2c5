using System.Text.RegularExpressions;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>docs/onboarding.md, run as printed: the Norwegian supplier from <c>init</c> and one pipeline file to a published channel, the rejected rows fixed through the inbox, and a regression case.</summary>
[NonParallelizable]
public partial class OnboardingTests
{
    [Test]
    public void The_onboarding_guide_runs_as_printed()
    {
        using var dir = new TempDirectory();
        var cwd = dir.Path;
        var ran = new List<string>();
        foreach (var step in Steps(File.ReadAllText(TestPaths.InRepository("docs", "onboarding.md"))))
        {
            switch (step)
            {
                case { File: { } file }:
                    File.WriteAllText(Path.Combine(cwd, file), step.Text);
                    break;
                case { Text: var line } when line.StartsWith("cd ", StringComparison.Ordinal):
                    cwd = Path.Combine(cwd, line[3..]);
                    // What the guide asks the steward to do by hand: save the supplier's file.
                    File.Copy(TestPaths.InRepository("samples", "nordic-knit.csv"), Path.Combine(cwd, "samples", "nordic-knit.csv"), overwrite: true);
                    break;
                case { Text: var line } when line.StartsWith("mkdir -p ", StringComparison.Ordinal):
                    Directory.CreateDirectory(Path.Combine(cwd, line[9..]));
                    break;
                case { Text: var line } when line.StartsWith("cp ", StringComparison.Ordinal):
                    var paths = line[3..].Split(' ');
                    File.Copy(Path.Combine(cwd, paths[0]), Path.Combine(cwd, paths[1]), overwrite: true);
                    break;
                case { Text: var line }:
                    Assert.That(line, Does.StartWith("productflow "), "the guide runs productflow, cd, mkdir -p and cp only");
                    if (line.Contains("--from-inbox", StringComparison.Ordinal))
                    {
                        ReturnFixedRows(cwd);
                    }

                    var result = CliProcess.Run(cwd, line["productflow ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    var expected = line.StartsWith("productflow validate", StringComparison.Ordinal) ? 1 : 0;
                    Assert.That(result.ExitCode, Is.EqualTo(expected), $"{line}\n{result}");
                    ran.Add(line);
                    if (line.StartsWith("productflow run pipelines/nordic-knit.json", StringComparison.Ordinal) && !line.Contains("--from-inbox", StringComparison.Ordinal))
                    {
                        Assert.That(result.Stdout, Does.Contain("read              7").And.Contain("accepted          5").And.Contain("rejected          2").And.Contain("skipped           1"));
                        var shop = File.ReadAllText(Path.Combine(cwd, "data", "exports", "shop", "v1", "shop.csv"));
                        Assert.That(shop, Does.Contain("NK-1003,,Skjørt Østfold,Marineblå,,1299.00,7000000001031,").And.Contain(",Svart,,499.00,"));
                    }

                    if (line.StartsWith("productflow explain NK-1003", StringComparison.Ordinal))
                    {
                        Assert.That(result.Stdout, Does.Contain("name [nb_NO]: Skjørt Østfold  (nordic-knit: nordic-knit.csv:4 Navn, changed by mapping.title)"), "the transformation that changed the value");
                    }

                    if (line.StartsWith("productflow explain NK-1007", StringComparison.Ordinal))
                    {
                        Assert.That(result.Stdout, Does.Contain("not in the store: rejected by run").And.Contain("nordic-knit.csv line 8").And.Contain("gtin.check-digit"));
                    }

                    break;
            }
        }

        Assert.That(ran, Has.Count.GreaterThanOrEqualTo(9));
        var v2 = File.ReadAllLines(Path.Combine(cwd, "data", "exports", "shop", "v2", "shop.csv"));
        Assert.That(v2, Has.Length.EqualTo(8), "the header and seven products");
        Assert.That(v2, Does.Contain("NK-1006,,Sokker Trøndelag,Svart,,349.00,7000000001062,").And.Contain("NK-1007,,Skjerf Lofoten,Grønn,,1099.00,7000000001079,"));
        Assert.That(CliProcess.Run(cwd, "quarantine", "list").Stdout, Does.StartWith("no open quarantined records"));
        Assert.That(File.Exists(Path.Combine(cwd, "pipelines", "nordic-knit.tests", "first-delivery", "rejected.csv")), Is.True);
    }

    /// <summary>What the supplier sends back: the last run's rejected.csv with the name filled in and the EAN corrected, saved as it came (UTF-8 with its byte order mark).</summary>
    private static void ReturnFixedRows(string cwd)
    {
        var rejected = Directory.GetFiles(Path.Combine(cwd, "data", "reports"), "rejected.csv", SearchOption.AllDirectories).OrderBy(File.GetLastWriteTimeUtc).Last();
        var inbox = Directory.CreateDirectory(Path.Combine(cwd, "data", "inbox", "nordic-knit")).FullName;
        File.WriteAllText(Path.Combine(inbox, "nordic-knit-fixed.csv"), File.ReadAllText(rejected)
            .Replace("NK-1006;;Svart", "NK-1006;Sokker Trøndelag;Svart", StringComparison.Ordinal)
            .Replace("7000000001070", "7000000001079", StringComparison.Ordinal), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>The guide's steps in order: each command line of its sh blocks, and each file of its json blocks (named by a first-line comment).</summary>
    private static IEnumerable<(string? File, string Text)> Steps(string markdown)
    {
        foreach (Match block in CodeBlock().Matches(markdown))
        {
            var body = block.Groups[2].Value;
            if (block.Groups[1].Value == "json" && body.StartsWith("// ", StringComparison.Ordinal))
            {
                var newline = body.IndexOf('\n', StringComparison.Ordinal);
                yield return (body[3..newline].Trim(), body[(newline + 1)..]);
            }
            else if (block.Groups[1].Value == "sh")
            {
                foreach (var line in body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    yield return (null, line);
                }
            }
        }
    }

    [GeneratedRegex("```(sh|json)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
