using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>productflow schema test</c>: a channel schema tried on sample records.</summary>
public class SchemaTestCommandTests
{
    private static string PartnerSchema => TestPaths.InRepository("schemas", "channels", "partner.schema.json");

    [Test]
    public void Each_line_is_reported_valid_or_with_its_errors_and_one_invalid_line_exits_1()
    {
        using var dir = new TempDirectory();
        var instances = dir.File("records.jsonl", Valid + "\n\n" + """{"sku":"B","price":0}""" + "\n");

        var result = CliProcess.Run(dir.Path, "schema", "test", PartnerSchema, instances);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.StartWith("line 1: valid\nline 3: invalid\n"));
        Assert.That(result.Stdout, Does.Contain("/price: must be greater than 0 [/properties/price/exclusiveMinimum]"));
    }

    [Test]
    public void With_json_stdout_is_exactly_one_compact_object_per_line_in_order()
    {
        using var dir = new TempDirectory();
        var instances = dir.File("records.jsonl", Valid + "\n" + "[1]\n" + "{oops\n" + "\"just a string\"\n");

        var result = CliProcess.Run(dir.Path, "schema", "test", PartnerSchema, instances, "--json");

        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4), result.ToString());
        var parsed = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(parsed.Select(p => p.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(parsed.Select(p => p.GetProperty("valid").GetBoolean()), Is.EqualTo(new[] { true, false, false, false }));
        var error = parsed[1].GetProperty("errors")[0];
        Assert.That(error.GetProperty("keywordLocation").GetString(), Is.EqualTo("/type"));
        Assert.That(error.GetProperty("absoluteKeywordLocation").GetString(), Does.EndWith("partner.schema.json#/type"));
        Assert.That(parsed[2].GetProperty("errors")[0].GetProperty("error").GetString(), Does.StartWith("not valid JSON"));
    }

    [Test]
    public void A_schema_that_cannot_be_loaded_exits_2_naming_the_file_and_pointer()
    {
        using var dir = new TempDirectory();
        var schema = dir.File("bad.schema.json", """{ "properties": { "name": { "minLength": -1 } } }""");
        var instances = dir.File("records.jsonl", "{}\n");

        var result = CliProcess.Run(dir.Path, "schema", "test", schema, instances);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("bad.schema.json").And.Contain("/properties/name/minLength"));
    }

    private const string Valid = """{"sku":"A","name":"Tee shirt","description":"Soft","price":9.5,"gtin":"4006381333931","image":"https://cdn.example.com/a.jpg"}""";
}
