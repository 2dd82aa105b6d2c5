using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>--help</c> says how to use every command, with examples.</summary>
public class HelpTests
{
    [TestCase("run")]
    [TestCase("validate")]
    [TestCase("test")]
    [TestCase("schema", "test")]
    [TestCase("init")]
    [TestCase("explain")]
    [TestCase("doctor")]
    [TestCase("inspect")]
    [TestCase("catalog", "import")]
    [TestCase("history")]
    [TestCase("runs", "list")]
    [TestCase("runs", "show")]
    [TestCase("quarantine", "list")]
    [TestCase("quarantine", "replay")]
    [TestCase("store", "copy")]
    [TestCase("partner", "add")]
    [TestCase("partner", "grant")]
    [TestCase("partner", "revoke-channel")]
    [TestCase("partner", "rotate-key")]
    [TestCase("partner", "disable")]
    [TestCase("partner", "list")]
    [TestCase("partner", "activity")]
    [TestCase("user", "add")]
    [TestCase("user", "set-role")]
    [TestCase("user", "revoke-pipeline")]
    [TestCase("events", "list")]
    [TestCase("events", "send")]
    public void Every_command_has_help_with_examples(params string[] command)
    {
        var result = CliProcess.Run(TestPaths.RepositoryRoot, [.. command, "--help"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.Contain("Usage:").And.Contain("Examples:").And.Contain("  productflow " + string.Join(' ', command)));
    }
}
