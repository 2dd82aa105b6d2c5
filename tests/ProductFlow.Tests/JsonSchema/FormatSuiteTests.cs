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

    /// <summary>Optional groups ProductFlow does not meet, by name prefix, with the reason (also in the library README).</summary>
    private static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal)
    {
        ["draft2020-12/hostname/validation of A-label (punycode) host names/"] =
            "hostname checks ASCII letters-digits-hyphen syntax only; xn-- labels are not decoded, so IDNA 2008 rules are not applied",
    };

    private static readonly SchemaOptions Asserting = new() { AssertFormat = true, ResolveDocument = SuiteCases.ResolveRemote };

    private static readonly ConcurrentDictionary<string, ProductFlow.JsonSchema.JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Cases() =>
        SuiteCases.Load("draft2020-12", Path.Combine("optional", "format"))
            .Where(c => AssertedFormats.Contains(((SuiteCase)c.Arguments[0]!).Name.Split('/')[1]));

    [TestCaseSource(nameof(Cases))]
    public void Format_assertion_matches_optional_suite(SuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        var skip = Skips.FirstOrDefault(s => suiteCase.Name.StartsWith(s.Key, StringComparison.Ordinal));
        if (skip.Value is not null && !suiteCase.Valid)
        {
            Assert.Ignore(skip.Value);
        }

        var schema = Schemas.GetOrAdd(suiteCase.SchemaKey, _ => ProductFlow.JsonSchema.JsonSchema.FromElement(suiteCase.Schema, options: Asserting));
        Assert.That(schema.IsValid(suiteCase.Data), Is.EqualTo(suiteCase.Valid));
    }
}
