using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Running;

/// <summary>A run's merge key changes with what decides its merges (precedence, rules, channels, schemas), and only with that.</summary>
public class MergeKeysTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void CopyDemo()
    {
        _dir = new TempDirectory();
        _dir.CopyFromRepository(["pipelines", "schemas"]);
    }

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void The_same_definitions_loaded_twice_give_the_same_key()
    {
        var first = Key();

        Assert.That(Key(), Is.EqualTo(first));
    }

    [TestCase("schemas/catalog.json", "\"code\": \"partner\",", "\"code\": \"partner\", \"mediaBaseUrl\": \"https://cdn.example.com/m/\",", TestName = "A channel's option changes the key")]
    [TestCase("schemas/catalog.json", "\"locales\": [", "\"sources\": { \"precedence\": { \"stock\": [\"erp\", \"demo\"] } },\n  \"locales\": [", TestName = "The sources' precedence changes the key")]
    [TestCase("pipelines/demo.json", "\"max\": 150", "\"max\": 140", TestName = "A rule of the pipeline changes the key")]
    [TestCase("schemas/channels/partner.schema.json", "\"required\"", "\"description\": \"edited\", \"required\"", TestName = "A channel's schema file changes the key")]
    public void A_changed_definition_changes_the_key(string file, string from, string to)
    {
        var before = Key();
        var path = _dir.Combine(file);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from), "the test's edit applies");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));

        Assert.That(Key(), Is.Not.EqualTo(before));
    }

    private string Key() => MergeKeys.Of(PipelineLoader.Load(_dir.Combine("pipelines", "demo.json")));
}
