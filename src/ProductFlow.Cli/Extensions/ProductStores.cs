using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Cli.Extensions;

/// <summary>Chooses the product store: <c>--store</c>, else <c>PRODUCTFLOW_STORE</c>, else the embedded SQLite file in the data folder.</summary>
/// <remarks>
/// A setting is a PostgreSQL server: an Npgsql keyword connection string (<c>Host=db;Database=productflow;Username=pf</c>)
/// or a <c>postgresql://user:password@host:port/db</c> URL. Passwords come only from the setting, PGPASSWORD or a passfile.
/// </remarks>
internal static class ProductStores
{
    public const string EnvironmentVariable = "PRODUCTFLOW_STORE";

    /// <summary>The effective setting, or null for the embedded store.</summary>
    public static string? Setting(string? option) =>
        option is { Length: > 0 } ? option
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured
        : null;

    /// <summary>Opens the store, creating it when it does not exist yet (a run).</summary>
    public static async Task<IProductStore> OpenAsync(string? setting, string dataDirectory, CancellationToken cancellationToken) =>
        await OpenAsync(setting, dataDirectory, create: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Opens the store; with <paramref name="create"/> false (commands that only read it) a store that does not exist is refused, never created.</summary>
    public static async Task<IProductStore> OpenAsync(string? setting, string dataDirectory, bool create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        return setting is null
            ? SqliteProductStore.Open(dataDirectory, create)
            : await PostgreSqlProductStore.OpenAsync(setting, create, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store factory a <see cref="Running.PipelineRunner"/> takes.</summary>
    public static Func<string, CancellationToken, Task<IProductStore>> Factory(string? option)
    {
        var setting = Setting(option);
        return (data, cancellationToken) => OpenAsync(setting, data, cancellationToken);
    }
}
