using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>A command that reads the store refuses a store that does not exist (a mistyped <c>--data</c>), and creates nothing.</summary>
public class MissingStoreTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void An_input_that_is_a_folder_is_named_as_one()
    {
        var result = CliProcess.Run(_dir.Path, "validate", TestPaths.InRepository("pipelines", "demo.json"), "--input", _dir.Path, "--data", _dir.Combine("data"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr.Trim(), Does.Contain("is a folder, not a feed file").And.Contain("--from-inbox").And.Not.Contain("denied"));
    }

    [TestCase("publish --all")]
    [TestCase("preview partner")]
    [TestCase("explain TS-1001-NVY-M")]
    [TestCase("history TS-1001-NVY-M")]
    [TestCase("runs list")]
    [TestCase("quarantine list")]
    public void A_reading_command_refuses_a_store_that_does_not_exist(string command)
    {
        var missing = _dir.Combine("dat");

        var catalog = new Dictionary<string, string?> { ["PRODUCTFLOW_CATALOG"] = TestPaths.InRepository("schemas", "catalog.json") };
        var result = CliProcess.Run(_dir.Path, catalog, [.. command.Split(' '), "--data", missing]);

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr.Trim(), Does.StartWith($"productflow: the embedded store {Path.Combine(missing, "productflow.db")} does not exist").And.Contain("--data").And.Not.Contain("\n"));
        Assert.That(Directory.Exists(missing), Is.False, "nothing is created");
    }
}
