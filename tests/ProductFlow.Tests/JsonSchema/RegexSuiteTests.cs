using System.Collections.Concurrent;

namespace ProductFlow.Tests.JsonSchema;

/// <summary>The suite's optional ECMA-262 regex cases: they check the pattern translation
/// (<c>\d</c>, <c>\w</c>, <c>\s</c>, <c>$</c>, <c>\p{...}</c>, ...).</summary>
[TestFixture]
public sealed class RegexSuiteTests
{
    /// <summary>Cases ProductFlow does not meet, by name, with the reason (also in the library README).</summary>
    private static readonly Dictionary<string, string> Skips = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, ProductFlow.JsonSchema.JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> Cases() =>
        SuiteCases.Load("draft2020-12", "optional")
            .Where(c => ((SuiteCase)c.Arguments[0]!).Name.Split('/')[1] is "ecmascript-regex" or "non-bmp-regex");

    [TestCaseSource(nameof(Cases))]
    public void Pattern_follows_ecma_262(SuiteCase suiteCase)
    {
        ArgumentNullException.ThrowIfNull(suiteCase);
        if (Skips.TryGetValue(suiteCase.Name, out var reason))
        {
            Assert.Ignore(reason);
        }

        var schema = Schemas.GetOrAdd(suiteCase.SchemaKey, _ => ProductFlow.JsonSchema.JsonSchema.FromElement(suiteCase.Schema, options: SuiteCases.Options));
        Assert.That(schema.IsValid(suiteCase.Data), Is.EqualTo(suiteCase.Valid));
    }
}
