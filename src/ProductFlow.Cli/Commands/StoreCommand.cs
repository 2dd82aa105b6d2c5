using System.CommandLine;
using ProductFlow.Cli.Extensions;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary>Opens the store a reading command names (<c>--store</c>, <c>PRODUCTFLOW_STORE</c>, or the data folder's embedded file).</summary>
internal static class StoreCommand
{
    /// <summary>Opens an existing store: a reading command never creates one (exit 4 and one line when it does not exist).</summary>
    /// <param name="result">The command line.</param>
    /// <param name="pipelineFile">The pipeline file the command names, whose project holds the data folder when <c>--data</c> is not given.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static Task<IProductStore> OpenAsync(ParseResult result, string? pipelineFile, CancellationToken cancellationToken) =>
        ProductStores.OpenAsync(ProductStores.Setting(result.GetValue(StoreOptions.Store)), StoreOptions.DataFolder(result, pipelineFile), create: false, cancellationToken);

    /// <summary>Opens an existing store in the data folder of the working folder (or <c>--data</c>).</summary>
    public static Task<IProductStore> OpenAsync(ParseResult result, CancellationToken cancellationToken) => OpenAsync(result, null, cancellationToken);

    /// <summary>Opens the store a command that adds to it names, creating an embedded store or PostgreSQL's tables when there are none yet
    /// (an operator may add partners, suppliers and users before the first run).</summary>
    public static Task<IProductStore> OpenOrCreateAsync(ParseResult result, CancellationToken cancellationToken) =>
        ProductStores.OpenAsync(ProductStores.Setting(result.GetValue(StoreOptions.Store)), StoreOptions.DataFolder(result), create: true, cancellationToken);

    /// <summary>Adds the store options to a reading command.</summary>
    public static Command WithStoreOptions(this Command command)
    {
        command.WithStoreLocation().Options.Add(StoreOptions.Json);
        return command;
    }

    /// <summary>Adds the options that name the store (<c>--data</c>, <c>--store</c>) to a command that prints no JSON.</summary>
    public static Command WithStoreLocation(this Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(StoreOptions.Data);
        command.Options.Add(StoreOptions.Store);
        return command;
    }

    public static async Task WriteJsonAsync(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var stdout = Console.OpenStandardOutput();
        await using (stdout.ConfigureAwait(false))
        {
            using (var writer = new System.Text.Json.Utf8JsonWriter(stdout, Output.CliJson.Options))
            {
                write(writer);
            }

            stdout.WriteByte((byte)'\n');
        }
    }
}
