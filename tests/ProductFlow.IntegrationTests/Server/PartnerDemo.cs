using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary>A copy of the demo (pipelines, schemas, samples) in a folder of its own, run and published, with partners added through the CLI.</summary>
/// <remarks>The partner channel keeps two versions (<c>keepVersions</c>), so a third publication makes the first one's history gone.</remarks>
internal sealed class PartnerDemo : IDisposable
{
    private readonly TempDirectory _dir = new();

    public PartnerDemo()
    {
        _dir.CopyFromRepository(["pipelines", "schemas", "samples"]);

        var catalog = _dir.Combine("schemas", "catalog.json");
        var text = File.ReadAllText(catalog);
        var patched = text.Replace("\"code\": \"partner\",\n      \"kind\": \"partner-csv\",", "\"code\": \"partner\",\n      \"kind\": \"partner-csv\",\n      \"keepVersions\": 2,", StringComparison.Ordinal);
        Assert.That(patched, Is.Not.EqualTo(text), "the demo catalog changed: find the partner channel another way");
        File.WriteAllText(catalog, patched);

        // The demo does not feed google here: a channel a partner may be granted that has never been published.
        var pipeline = _dir.Combine("pipelines", "demo.json");
        var definition = File.ReadAllText(pipeline);
        var unpublished = definition.Replace("\"channels\": [\"web\", \"shopify\", \"google\", \"partner\"]", "\"channels\": [\"web\", \"shopify\", \"partner\"]", StringComparison.Ordinal);
        Assert.That(unpublished, Is.Not.EqualTo(definition), "the demo pipeline changed: find its channels another way");
        File.WriteAllText(pipeline, unpublished);
    }

    public string Root => _dir.Path;

    public string Data => _dir.Combine("data");

    public string Pipeline => _dir.Combine("pipelines", "demo.json");

    public string Sample => _dir.Combine("samples", "supplier-apparel.csv");

    /// <summary>Runs the demo pipeline on <paramref name="feed"/> (default: the sample) with extra arguments; asserts it completed.</summary>
    public CliResult Run(IReadOnlyDictionary<string, string?>? environment = null, string? feed = null, params string[] extra)
    {
        var result = CliProcess.Run(Root, environment ?? new Dictionary<string, string?>(), ["run", Pipeline, "--input", feed ?? Sample, "--data", Data, "--quiet", .. extra]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result;
    }

    /// <summary>A copy of the sample with every price raised by <paramref name="cents"/> cents: every record of every channel changes.</summary>
    public string Repriced(int cents)
    {
        var lines = File.ReadAllLines(Sample);
        var header = lines[0].Split(',');
        var price = Array.IndexOf(header, "price_eur");
        var feed = _dir.Combine($"repriced-{cents}.csv");
        File.WriteAllLines(feed, lines.Select((line, i) => i == 0 ? line : Reprice(line, price, cents)));
        return feed;
    }

    /// <summary>Adds a partner with <c>partner add</c> and returns the key it printed (the last line of stdout).</summary>
    public string AddPartner(string name, IReadOnlyDictionary<string, string?>? environment = null, params string[] channels)
    {
        var result = CliProcess.Run(Root, environment ?? new Dictionary<string, string?>(), ["partner", "add", name, .. channels.SelectMany(c => new[] { "--channel", c }), "--data", Data]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    public CliResult Cli(params string[] args) => CliProcess.Run(Root, [.. args, "--data", Data]);

    public void Dispose() => _dir.Dispose();

    private static string Reprice(string line, int column, int cents)
    {
        // The sample quotes only descriptions, which come before the price; split on the last commas instead.
        var fields = line.Split(',');
        var fromEnd = 19 - column; // 19 columns in the sample's header
        var at = fields.Length - fromEnd;
        if (decimal.TryParse(fields[at], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var price))
        {
            fields[at] = (price + (cents / 100m)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }

        return string.Join(',', fields);
    }
}
