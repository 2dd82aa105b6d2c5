using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary>A copy of the demo (pipelines, schemas, samples) in a temporary folder of its own, patched by the test: what a service reads.</summary>
internal sealed class DemoFolder : IDisposable
{
    private readonly TempDirectory _dir = new();

    public DemoFolder() => _dir.CopyFromRepository(["pipelines", "schemas", "samples"]);

    public string Root => _dir.Path;

    public string Data => _dir.Combine("data");

    public string Pipeline => _dir.Combine("pipelines", "demo.json");

    public string Sample => _dir.Combine("samples", "supplier-apparel.csv");

    public string Combine(params string[] parts) => _dir.Combine(parts);

    /// <summary>Replaces <paramref name="from"/> with <paramref name="to"/> in a file of the copy; fails when the text is not there.</summary>
    public DemoFolder Patch(string file, string from, string to)
    {
        var path = _dir.Combine(file);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from), $"{file} changed: the test patches '{from}'");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        return this;
    }

    /// <summary>Drops <paramref name="source"/> into the inbox folder of <paramref name="pipeline"/> as <paramref name="name"/>, marked done.</summary>
    public string Drop(string source, string name, string pipeline = "demo")
    {
        var inbox = Path.Combine(Data, "inbox", pipeline);
        Directory.CreateDirectory(inbox);
        var target = Path.Combine(inbox, name);
        File.Copy(source, target + ".part");
        File.Move(target + ".part", target);
        File.WriteAllBytes(target + ".done", []);
        return target;
    }

    public CliResult Cli(IReadOnlyDictionary<string, string?> environment, params string[] args) => CliProcess.Run(Root, environment, args);

    public void Dispose() => _dir.Dispose();
}
