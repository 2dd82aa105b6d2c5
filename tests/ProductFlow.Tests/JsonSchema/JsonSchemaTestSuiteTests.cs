using System.Collections.Concurrent;
using System.Text.Json;
using ProductFlow.JsonSchema;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.JsonSchema;

/// <summary>Runs every required case of JSON-Schema-Test-Suite (draft 2020-12 and draft-07, not
/// <c>optional/</c>) as its own test, in both modes: <c>IsValid</c> and <c>Validate</c>.</summary>
[TestFixture]
public sealed class JsonSchemaTestSuiteTests
{
    /// <summary>Cases that cannot pass, by test name, with the reason. Expected to stay empty.</summary>
    private static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, Lazy<ProductFlow.JsonSchema.JsonSchema>> Schemas = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Draft2020Cases() => SuiteCases.Load("draft2020-12");

    public static IEnumerable<TestCaseData> Draft7Cases() => SuiteCases.Load("draft7");

    [TestCaseSource(nameof(Draft2020Cases))]
    public void Draft2020_12_case_gets_the_expected_verdict(SuiteCase suiteCase) => Run(suiteCase);

    [TestCaseSource(nameof(Draft7Cases))]
    public void Draft7_case_gets_the_expected_verdict(SuiteCase suiteCase) => Run(suiteCase);

    private static void Run(SuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        if (Skips.TryGetValue(suiteCase.Name, out var reason))
        {
            Assert.Ignore(reason);
        }

        var schema = Schemas.GetOrAdd(
            suiteCase.SchemaKey,
            _ => new Lazy<ProductFlow.JsonSchema.JsonSchema>(() => ProductFlow.JsonSchema.JsonSchema.FromElement(suiteCase.Schema, options: SuiteCases.Options))).Value;

        var result = schema.Validate(suiteCase.Data);
        Assert.Multiple(() =>
        {
            Assert.That(schema.IsValid(suiteCase.Data), Is.EqualTo(suiteCase.Valid), "IsValid");
            Assert.That(result.IsValid, Is.EqualTo(suiteCase.Valid), () => "Validate: " + result.ToJson());
        });
    }
}

/// <summary>One case of the suite: a schema, an instance and the expected verdict.</summary>
public sealed record SuiteCase(string Name, string SchemaKey, JsonElement Schema, JsonElement Data, bool Valid)
{
    public override string ToString() => Name;
}

/// <summary>Reads the suite's files and serves its <c>remotes/</c> as <c>http://localhost:1234/</c>.</summary>
internal static class SuiteCases
{
    public static string SuiteRoot => TestPaths.InPublicTestData("json-schema-test-suite");

    public static SchemaOptions Options { get; } = new() { ResolveDocument = ResolveRemote };

    public static string? ResolveRemote(Uri uri)
    {
        if (uri.Scheme != "http" || uri.Host != "localhost" || uri.Port != 1234)
        {
            return null;
        }

        var path = Path.Combine(SuiteRoot, "remotes", uri.AbsolutePath.TrimStart('/'));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>The draft-07 files do not name their draft (draft 2020-12 ones do); absent <c>$schema</c>
    /// means 2020-12 to ProductFlow, so draft-07 schemas get <c>$schema</c> added at the root.</summary>
    private static JsonElement WithDialect(JsonElement schema, string draft)
    {
        if (draft != "draft7" || schema.ValueKind != JsonValueKind.Object || schema.TryGetProperty("$schema", out _))
        {
            return schema.Clone();
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(schema.GetRawText())!.AsObject();
        node.Insert(0, "$schema", "http://json-schema.org/draft-07/schema#");
        return JsonSerializer.SerializeToElement(node);
    }

    public static IEnumerable<TestCaseData> Load(string draft, string subfolder = "")
    {
        var folder = Path.Combine(SuiteRoot, "tests", draft, subfolder);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var fileName = Path.GetFileNameWithoutExtension(file);
            var groupIndex = 0;
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var groupName = group.GetProperty("description").GetString();
                var schema = WithDialect(group.GetProperty("schema"), draft);
                var key = $"{draft}/{subfolder}/{fileName}#{groupIndex}";
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var name = $"{draft}/{fileName}/{groupName}/{test.GetProperty("description").GetString()}";
                    var suiteCase = new SuiteCase(name, key, schema, test.GetProperty("data").Clone(), test.GetProperty("valid").GetBoolean());
                    yield return new TestCaseData(suiteCase).SetName(name);
                }

                groupIndex++;
            }
        }
    }
}
