using ProductFlow.Bench;
using ProductFlow.Bench.Stages;

// A dispatcher on the first argument; each command lives in its own file. Without a command: the stage table.
return args.FirstOrDefault() switch
{
    "schema" => SchemaBenchmark.Run(args[1..]),
    "micro" => SchemaMicroBenchmarks.Run(args[1..]),
    "generate" => GenerateCommand.Run(args[1..]),
    "rules" => await RuleProfileCommand.RunAsync(args[1..]),
    "connectors" => await ConnectorsCommand.RunAsync(args[1..]),
    "two-feeds" => await TwoFeedsCommand.RunAsync(args[1..]),
    "store" => await StoreCommand.RunAsync(args[1..]),
    null or ['-', '-', ..] => await StagesCommand.RunAsync(args),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProductFlow.Bench [<command>] [options]");
    Console.Error.WriteLine("  --rows N [--seed S] [--feed FILE] [--only 1,4,5a] [--process] [--postgres CONN]  the pipeline stage table on one generated feed");
    Console.Error.WriteLine("  generate --rows N [--seed S] [--format csv|akeneo|xlsx|stock] [--shuffle] [--offset K] [--changed P] --out FILE  a supplier feed (demo CSV, Akeneo export, workbook) or an ERP's stock for it (each stock + K); --shuffle scatters each model's variants; --changed P raises P% of the prices by 1.00");
    Console.Error.WriteLine("  connectors --rows N [--seed S] [--only xlsx,akeneo]  the XLSX and Akeneo connectors (and their mapping) alone");
    Console.Error.WriteLine("  two-feeds --rows N [--seed S]                      two `productflow run` processes at once vs one");
    Console.Error.WriteLine("  rules --rows N [--seed S]                          time and bytes allocated per rule of the demo pipeline");
    Console.Error.WriteLine("  store --postgres CONN | --sqlite DIR [--rows N] [--keep] [--no-merge-key]  a store's path alone: insert, 10% changed, same again, a second source merged, again, 10% changed");
    Console.Error.WriteLine("  schema [--records N] [--distinct N] [--seed N]   ProductFlow.JsonSchema vs NJsonSchema on product channel views");
    Console.Error.WriteLine("  micro [BenchmarkDotNet args]                     per-record micro-benchmarks (BenchmarkDotNet): schema validation, GTIN, template, CSV row, channel writers, snapshot");
    return 2;
}
