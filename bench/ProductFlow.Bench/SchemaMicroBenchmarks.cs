using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using ProductFlow.JsonSchema;

namespace ProductFlow.Bench;

/// <summary><c>micro</c>: BenchmarkDotNet per-record validation of one valid and one invalid product record (and, in the same
/// switcher, <see cref="PipelineMicroBenchmarks"/>: pick with <c>--filter *Schema*</c> or <c>--filter *Pipeline*</c>).</summary>
[MemoryDiagnoser]
public class SchemaMicroBenchmarks : IDisposable
{
    private ProductFlow.JsonSchema.JsonSchema _ours = null!;
    private NJsonSchema.JsonSchema _theirSchema = null!;
    private JsonSchemaValidator _theirs = null!;
    private JsonDocument _validDocument = null!;
    private JsonDocument _invalidDocument = null!;
    private JToken _validToken = null!;

    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromTypes([typeof(SchemaMicroBenchmarks), typeof(PipelineMicroBenchmarks)]).Run(args);
        return 0;
    }

    [GlobalSetup]
    public void Setup()
    {
        _ours = ProductFlow.JsonSchema.JsonSchema.FromText(ProductRecords.Schema, options: new SchemaOptions { AssertFormat = true });
        _theirSchema = NJsonSchema.JsonSchema.FromJsonAsync(ProductRecords.Schema).GetAwaiter().GetResult();
        _theirs = new JsonSchemaValidator();
        var (records, _) = ProductRecords.Generate(200, 7);
        var valid = records.First(r => _ours.IsValid(JsonDocument.Parse(r).RootElement));
        var invalid = records.First(r => !_ours.IsValid(JsonDocument.Parse(r).RootElement));
        _validDocument = JsonDocument.Parse(valid);
        _invalidDocument = JsonDocument.Parse(invalid);
        _validToken = JToken.Parse(System.Text.Encoding.UTF8.GetString(valid));
    }

    [Benchmark(Baseline = true)]
    public bool ProductFlowIsValid() => _ours.IsValid(_validDocument.RootElement);

    [Benchmark]
    public bool ProductFlowValidateInvalid() => _ours.Validate(_invalidDocument.RootElement).IsValid;

    [Benchmark]
    public bool NJsonSchemaValidate() => _theirs.Validate(_validToken, _theirSchema).Count == 0;

    [GlobalCleanup]
    public void Dispose()
    {
        _validDocument?.Dispose();
        _invalidDocument?.Dispose();
        GC.SuppressFinalize(this);
    }
}
