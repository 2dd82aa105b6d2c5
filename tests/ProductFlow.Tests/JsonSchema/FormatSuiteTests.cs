using System.Collections.Concurrent;
using ProductFlow.JsonSchema;

namespace ProductFlow.Tests.JsonSchema;

/// <summary>The suite's optional format cases, for the formats <see cref="SchemaOptions.AssertFormat"/>
/// asserts, run with assertion on.</summary>
[TestFixture]
public sealed class FormatSuiteTests
{
    private static readonly string[] AssertedFormats =
        ["date", "date-time", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference", "uuid", "json-pointer", "regex"];

    private static readonly SchemaOptions Asserting = new() { AssertFormat = true, ResolveDocument = SuiteCases.ResolveRemote };

    private static readonly ConcurrentDictionary<string, ProductFlow.JsonSchema.JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Cases() =>
        SuiteCases.Load("draft2020-12", Path.Combine("optional", "format"))
            .Where(c => AssertedFormats.Contains(((SuiteCase)c.Arguments[0]!).Name.Split('/')[1]));

    [TestCaseSource(nameof(Cases))]
    public void Format_assertion_matches_optional_suite(SuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        var schema = Schemas.GetOrAdd(suiteCase.SchemaKey, _ => ProductFlow.JsonSchema.JsonSchema.FromElement(suiteCase.Schema, options: Asserting));
        Assert.That(schema.IsValid(suiteCase.Data), Is.EqualTo(suiteCase.Valid));
    }
}
