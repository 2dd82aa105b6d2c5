using ProductFlow.Bench;

// A dispatcher on the first argument; each command lives in its own file.
return args.FirstOrDefault() switch
{
    "schema" => SchemaBenchmark.Run(args[1..]),
    "micro" => SchemaMicroBenchmarks.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProductFlow.Bench <command> [options]");
    Console.Error.WriteLine("  schema [--records N] [--distinct N] [--seed N]   ProductFlow.JsonSchema vs NJsonSchema on product channel views");
    Console.Error.WriteLine("  micro [BenchmarkDotNet args]                     per-record validation micro-benchmarks (BenchmarkDotNet)");
    return 2;
}
