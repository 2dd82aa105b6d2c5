using System.CommandLine;

namespace ProductFlow.Cli.Commands;

/// <summary>The options every command that reads or writes the product store shares.</summary>
internal static class StoreOptions
{
    public static readonly Option<string> Data = new("--data", "-d") { Description = "The data folder: exports/, reports/ and the embedded store.", DefaultValueFactory = _ => "data" };

    public static readonly Option<string?> Store = new("--store")
    {
        Description = "The product store: an Npgsql connection string or postgresql://user:password@host:port/db URL (default: PRODUCTFLOW_STORE, else the embedded SQLite file in the data folder).",
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print exactly one JSON object on stdout." };
}
