using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using ProductFlow.JsonSchema;

namespace ProductFlow.Bench;

/// <summary><c>schema</c>: ProductFlow.JsonSchema against NJsonSchema on the same product records, in one process.</summary>
/// <remarks>Both validate pre-parsed trees (<see cref="JsonElement"/> vs <see cref="JToken"/>) with formats asserted;
/// a second pair of rows includes parsing the UTF-8 text. Allocations are measured per thread.</remarks>
internal static class SchemaBenchmark
{
    public static int Run(string[] args)
    {
        var records = Option(args, "--records", 200_000);
        var distinct = Option(args, "--distinct", Math.Min(records, 20_000));
        var seed = Option(args, "--seed", 42);
        if (records <= 0 || distinct <= 0)
        {
            Console.Error.WriteLine("--records and --distinct must be positive");
            return 2;
        }

        var (utf8, invalid) = ProductRecords.Generate(distinct, seed);
        var texts = utf8.Select(Encoding.UTF8.GetString).ToArray();
        var documents = utf8.Select(r => JsonDocument.Parse(r)).ToArray();
        var tokens = texts.Select(JToken.Parse).ToArray();

        var ours = ProductFlow.JsonSchema.JsonSchema.FromText(ProductRecords.Schema, options: new SchemaOptions { AssertFormat = true });
        var theirSchema = NJsonSchema.JsonSchema.FromJsonAsync(ProductRecords.Schema).GetAwaiter().GetResult();
        var theirs = new JsonSchemaValidator();

        var oursInvalid = documents.Count(d => !ours.IsValid(d.RootElement));
        var theirsInvalid = tokens.Count(t => theirs.Validate(t, theirSchema).Count > 0);
        var disagreements = Enumerable.Range(0, distinct)
            .Where(i => ours.IsValid(documents[i].RootElement) != (theirs.Validate(tokens[i], theirSchema).Count == 0))
            .ToList();
        var byKeyword = disagreements
            .GroupBy(i => ours.Validate(documents[i].RootElement).Errors is [var first, ..] ? first.KeywordLocation : "(NJsonSchema only)")
            .OrderByDescending(g => g.Count())
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"records: {records:N0} validations over {distinct:N0} distinct records ({invalid:N0} made invalid, {100.0 * invalid / distinct:F1}%), seed {seed}; draft-07 schema, formats asserted"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verdicts on the distinct records: ProductFlow {oursInvalid:N0} invalid, NJsonSchema {theirsInvalid:N0} invalid, {disagreements.Count:N0} disagreements"));
        Console.WriteLine("disagreements by the keyword ProductFlow reports: " + string.Join(", ", byKeyword));
        Console.WriteLine();

        var candidates = new (string Name, Func<int, bool> Validate)[]
        {
            ("ProductFlow IsValid", i => ours.IsValid(documents[i % distinct].RootElement)),
            ("ProductFlow Validate (all errors)", i => ours.Validate(documents[i % distinct].RootElement).IsValid),
            ("NJsonSchema Validate", i => theirs.Validate(tokens[i % distinct], theirSchema).Count == 0),
            ("ProductFlow parse + IsValid", i => ParseAndValidate(ours, utf8[i % distinct])),
            ("NJsonSchema parse + Validate", i => theirs.Validate(texts[i % distinct], theirSchema).Count == 0),
        };
        var rows = Measure(candidates, records);

        Console.WriteLine($"{"validator",-36}{"records/s",14}{"bytes/record",15}");
        foreach (var (name, perSecond, bytes) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-36}{perSecond,14:N0}{bytes,15:N1}"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ProductFlow IsValid / NJsonSchema Validate: {rows[0].PerSecond / rows[2].PerSecond:F1}x records/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio with parsing: {rows[3].PerSecond / rows[4].PerSecond:F1}x records/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ProductFlow IsValid bytes per valid record: {ValidRecordBytes(ours, documents):N1}"));

        foreach (var document in documents)
        {
            document.Dispose();
        }

        return 0;
    }

    private static bool ParseAndValidate(ProductFlow.JsonSchema.JsonSchema schema, byte[] record)
    {
        using var document = JsonDocument.Parse(record);
        return schema.IsValid(document.RootElement);
    }

    /// <summary>Runs every candidate over <paramref name="count"/> records in interleaved rounds, so a
    /// machine shared with other work slows all of them alike; returns records/s and bytes/record.</summary>
    private static List<(string Name, double PerSecond, double Bytes)> Measure((string Name, Func<int, bool> Validate)[] candidates, int count)
    {
        const int Rounds = 10;
        var elapsed = new TimeSpan[candidates.Length];
        var allocated = new long[candidates.Length];
        foreach (var (_, validate) in candidates)
        {
            for (var i = 0; i < Math.Min(count, 20_000); i++)
            {
                validate(i);
            }
        }

        var perRound = Math.Max(1, count / Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < candidates.Length; c++)
            {
                var validate = candidates[c].Validate;
                var first = round * perRound;
                GC.Collect();
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                var valid = 0;
                for (var i = first; i < first + perRound; i++)
                {
                    valid += validate(i) ? 1 : 0;
                }

                elapsed[c] += stopwatch.Elapsed;
                allocated[c] += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                GC.KeepAlive(valid);
            }
        }

        var total = perRound * Rounds;
        return [.. candidates.Select((c, i) => (c.Name, total / elapsed[i].TotalSeconds, (double)allocated[i] / total))];
    }

    private static double ValidRecordBytes(ProductFlow.JsonSchema.JsonSchema schema, JsonDocument[] documents)
    {
        var valid = documents.Where(d => schema.IsValid(d.RootElement)).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var document in valid)
        {
            schema.IsValid(document.RootElement);
        }

        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / valid.Length;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
