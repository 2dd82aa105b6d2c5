using System.Security.Cryptography;
using System.Text;
using Npgsql;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Access;

/// <summary>A partner's key is never in the store in clear: not in the SQLite file (nor its WAL), not in any PostgreSQL table; its hash is.</summary>
[NonParallelizable]
[CancelAfter(120_000)]
public class KeysAtRestTests
{
    private TempDirectory _dir = null!;
    private string? _database;

    private string Data => _dir.Combine("data");

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await PostgreSqlServer.CreateDatabaseAsync("keys");

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_database);
        }
    }

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void The_embedded_store_files_hold_the_hashes_of_the_keys_and_never_the_keys()
    {
        var keys = AddAndRotate(store: null);

        var bytes = Directory.GetFiles(Data, "productflow.db*").Select(File.ReadAllBytes).ToList();

        Assert.That(bytes.Sum(b => b.Length), Is.GreaterThan(0));
        foreach (var key in keys)
        {
            Assert.That(bytes.Any(b => b.AsSpan().IndexOf(Hash(key)) >= 0), Is.True, "the scan sees what is stored: the key's hash");
            foreach (var clear in Clear(key))
            {
                Assert.That(bytes.Any(b => b.AsSpan().IndexOf(clear) >= 0), Is.False, "a key in clear");
            }
        }
    }

    [Test]
    public async Task The_postgresql_tables_hold_the_hashes_of_the_keys_and_never_the_keys()
    {
        await PostgreSqlServer.TruncateAsync(_database!);
        var keys = AddAndRotate(_database);

        var tables = await TablesAsTextAsync();

        Assert.That(tables.Keys, Does.Contain("access_keys").And.Contain("principals"));
        foreach (var key in keys)
        {
            var hash = "\\x" + Convert.ToHexStringLower(Hash(key));
            Assert.That(tables["access_keys"], Does.Contain(hash), "the scan sees what is stored: the key's hash");
            foreach (var (table, text) in tables)
            {
                Assert.That(text, Does.Not.Contain(Secret(key)).And.Not.Contain(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Secret(key)))), $"a key in clear in {table}");
            }
        }
    }

    /// <summary>Adds a partner and rotates its key with a grace period (two keys stored); returns both keys.</summary>
    private string[] AddAndRotate(string? store)
    {
        var environment = new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = store };
        var added = CliProcess.Run(_dir.Path, environment, "partner", "add", "acme", "--channel", "partner", "--data", Data, "--catalog", TestPaths.InRepository("schemas", "catalog.json"));
        var rotated = CliProcess.Run(_dir.Path, environment, "partner", "rotate-key", "acme", "--grace", "7d", "--data", Data);
        Assert.That((added.ExitCode, rotated.ExitCode), Is.EqualTo((0, 0)), added + "\n" + rotated);
        return [LastLine(added.Stdout), LastLine(rotated.Stdout)];
    }

    /// <summary>Every table of the store, each row as PostgreSQL writes it as text.</summary>
    private async Task<Dictionary<string, string>> TablesAsTextAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \"{name}\" t", connection);
            tables[name] = (string)(await rows.ExecuteScalarAsync())!;
        }

        return tables;
    }

    /// <summary>The part after <c>pf_&lt;id&gt;_</c> (the secret is base64url: it may hold <c>_</c> itself).</summary>
    private static string Secret(string key) => key.Split('_', 3)[2];

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(Secret(key)));

    /// <summary>The key and its secret as UTF-8 and UTF-16 bytes: any way a file could hold them in clear.</summary>
    private static IEnumerable<byte[]> Clear(string key) =>
        new[] { key, Secret(key) }.SelectMany(text => new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text) });

    private static string LastLine(string stdout) => stdout.TrimEnd('\n').Split('\n')[^1];
}
