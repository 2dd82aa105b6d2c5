using System.CommandLine;
using ProductFlow.Cli.Output;
using ProductFlow.PostgreSql;

namespace ProductFlow.Cli.Commands;

/// <summary><c>store copy --to &lt;conn&gt;</c>: moves the embedded store of a data folder to an empty PostgreSQL store.</summary>
internal static class StoreCommands
{
    private static readonly Option<string> To = new("--to")
    {
        Description = "The PostgreSQL store to copy into (an Npgsql connection string or postgresql:// URL); it must be empty.",
        Required = true,
    };

    public static Command Store()
    {
        var copy = new Command("copy", "Copy the embedded SQLite store (runs, products, versions, lineage, quarantine) into an empty PostgreSQL store.")
        {
            StoreOptions.Data, To,
        }.WithExamples("productflow store copy --to postgresql://productflow@db.internal/productflow");
        copy.SetAction(CopyAsync);
        return new Command("store", "Manage the product store.") { copy };
    }

    private static async Task<int> CopyAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var data = StoreOptions.DataFolder(result);
        var copied = await EmbeddedStoreCopy.CopyAsync(data, result.GetRequiredValue(To), cancellationToken).ConfigureAwait(false);
        foreach (var (table, rows) in copied)
        {
            await Console.Out.WriteLineAsync($"  {table,-17} {rows,9}").ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }
}
