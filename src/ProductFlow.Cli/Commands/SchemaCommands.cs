using System.CommandLine;
using System.Text.Json;
using ProductFlow.Cli.Output;
using ProductFlow.JsonSchema;

namespace ProductFlow.Cli.Commands;

/// <summary><c>schema test &lt;schema.json&gt; &lt;instances.jsonl&gt; [--json]</c>: validates each line of a file against a schema, as ProductFlow's rules would.</summary>
/// <remarks>
/// Formats are asserted by default, as channel schemas are (<c>--formats annotate</c> follows the specification's default).
/// Exit 0 when every line is valid, 1 when one is not, 2 when the schema cannot be loaded.
/// </remarks>
internal static class SchemaCommands
{
    private static readonly Argument<string> Schema = new("schema") { Description = "The JSON Schema (draft 2020-12 or draft-07)." };
    private static readonly Argument<string> Instances = new("instances") { Description = "A JSON Lines file: one JSON value per line (blank lines are skipped)." };
    private static readonly Option<bool> Json = new("--json") { Description = "One compact JSON object per input line, in order, and nothing else." };
    private static readonly Option<string> Formats = new("--formats")
    {
        Description = "assert (default, as ProductFlow's channel rules) or annotate (format is not checked).",
        DefaultValueFactory = _ => "assert",
    };

    public static Command Create()
    {
        Formats.AcceptOnlyFromAmong("assert", "annotate");
        var test = new Command("test", "Validate each line of a JSON Lines file against a schema: how a consultant tries a channel schema on sample records.")
        {
            Schema, Instances, Json, Formats,
        }.WithExamples(
            "productflow schema test schemas/channels/partner.schema.json samples/partner-views.jsonl",
            "productflow schema test schemas/channels/partner.schema.json records.jsonl --json");
        test.SetAction(Execute);
        return new Command("schema", "Work with JSON Schemas.") { test };
    }

    private static int Execute(ParseResult result)
    {
        var schemaPath = result.GetRequiredValue(Schema);
        var instances = result.GetRequiredValue(Instances);
        if (!File.Exists(instances))
        {
            throw new ProductFlowException($"{instances}: the instances file does not exist", instances);
        }

        var schema = Load(schemaPath, result.GetValue(Formats) == "assert");
        var json = result.GetValue(Json);
        using var stdout = Console.OpenStandardOutput();
        var invalid = 0;
        var number = 0;
        foreach (var line in File.ReadLines(instances))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var errors = Validate(schema, line);
            invalid += errors.Count > 0 ? 1 : 0;
            if (json)
            {
                WriteJson(stdout, number, errors);
            }
            else
            {
                WriteText(number, errors);
            }
        }

        return invalid == 0 ? ExitCodes.Completed : ExitCodes.ValidationErrors;
    }

    private static JsonSchema.JsonSchema Load(string path, bool assertFormat)
    {
        if (!File.Exists(path))
        {
            throw new ProductFlowException($"{path}: the schema file does not exist", path);
        }

        try
        {
            return JsonSchema.JsonSchema.FromFile(path, new SchemaOptions { AssertFormat = assertFormat });
        }
        catch (SchemaLoadException e)
        {
            throw new ProductFlowException(e.Message, path, e) { Hint = "the schema must be valid draft 2020-12 or draft-07; $ref to other files resolves next to it" };
        }
    }

    private static IReadOnlyList<ValidationError> Validate(JsonSchema.JsonSchema schema, string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return schema.Validate(document.RootElement).Errors;
        }
        catch (JsonException e)
        {
            return [new ValidationError("", "", "", "not valid JSON: " + e.Message)];
        }
    }

    private static void WriteText(int number, IReadOnlyList<ValidationError> errors)
    {
        Console.WriteLine(errors.Count == 0 ? $"line {number}: valid" : $"line {number}: invalid");
        foreach (var error in errors)
        {
            var at = error.InstanceLocation.Length == 0 ? "(root)" : error.InstanceLocation;
            Console.WriteLine(error.KeywordLocation.Length == 0 ? $"  {at}: {error.Message}" : $"  {at}: {error.Message} [{error.KeywordLocation}]");
        }
    }

    private static void WriteJson(Stream output, int number, IReadOnlyList<ValidationError> errors)
    {
        using (var writer = new Utf8JsonWriter(output, CliJson.Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", number);
            writer.WriteBoolean("valid", errors.Count == 0);
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                error.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }
}
