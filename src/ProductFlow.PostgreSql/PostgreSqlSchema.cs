using Npgsql;

namespace ProductFlow.PostgreSql;

/// <summary>The PostgreSQL store's tables, created and upgraded by numbered migrations recorded in <c>productflow_schema</c>.</summary>
/// <remarks>
/// Migrations run at start-up in one transaction under a transaction-scoped advisory lock, so two processes that
/// start at once apply each migration exactly once: the second waits, then finds nothing left to do.
/// SKUs use the "C" collation so that ORDER BY sku is ordinal, like the embedded store.
/// Since version 6 a product's current document is stored once, in <c>products.doc</c>, as in the embedded store (its
/// schema 6): the current version's row in <c>product_versions</c> has an empty <c>doc</c> (<see cref="VersionDoc"/>) until
/// a newer version supersedes it and the commit moves the document there. A stored document is never empty (it is a JSON
/// object), so the empty value is unambiguous; a full one (an older copy) reads the same.
/// </remarks>
internal static class PostgreSqlSchema
{
    /// <summary>The advisory lock key of migrations ("pfschema").</summary>
    private const long MigrationLock = 0x7066736368656D61;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE runs (
            id text PRIMARY KEY, pipeline text NOT NULL, feed_name text NOT NULL, feed_size bigint NOT NULL,
            feed_sha256 text NOT NULL, started timestamptz NOT NULL, finished timestamptz, status text NOT NULL,
            read bigint NOT NULL, accepted bigint NOT NULL, rejected bigint NOT NULL, warnings bigint NOT NULL,
            changed bigint NOT NULL, report text);
        CREATE SEQUENCE product_changes;
        CREATE TABLE products (
            sku text COLLATE "C" PRIMARY KEY, version integer NOT NULL, hash bytea NOT NULL, enabled boolean NOT NULL,
            blocked text NOT NULL, doc bytea NOT NULL, run_id text NOT NULL, change_seq bigint NOT NULL);
        CREATE INDEX products_change_seq ON products (change_seq);
        CREATE TABLE product_versions (
            sku text COLLATE "C" NOT NULL, version integer NOT NULL, run_id text NOT NULL, at timestamptz NOT NULL,
            hash bytea NOT NULL, doc bytea NOT NULL, lineage bytea NOT NULL, PRIMARY KEY (sku, version));
        CREATE TABLE quarantine (
            run_id text NOT NULL, line bigint NOT NULL, sku text COLLATE "C", issues text NOT NULL, source text NOT NULL,
            PRIMARY KEY (run_id, line));
        """,
        """
        ALTER TABLE products ADD COLUMN source text NOT NULL DEFAULT '', ADD COLUMN removed boolean NOT NULL DEFAULT false;
        CREATE INDEX products_source ON products (source) WHERE NOT removed;
        ALTER TABLE product_versions ADD COLUMN removed boolean NOT NULL DEFAULT false;
        """,
        """
        ALTER TABLE quarantine ADD COLUMN closed_by text;
        ALTER TABLE runs ADD COLUMN removed bigint NOT NULL DEFAULT 0;
        CREATE INDEX quarantine_open_sku ON quarantine (sku) WHERE closed_by IS NULL;
        """,
        """
        ALTER TABLE products ADD COLUMN notes text NOT NULL DEFAULT '';
        """,
        """
        ALTER TABLE products ADD COLUMN sources text NOT NULL DEFAULT '';
        UPDATE products SET sources = '|' || source || '|' WHERE source <> '' AND NOT removed;
        DROP INDEX products_source;
        ALTER TABLE product_versions ALTER COLUMN doc SET COMPRESSION lz4, ALTER COLUMN lineage SET COMPRESSION lz4;
        """,
        // 6: the current version's document lives once, in products.doc (an empty doc in product_versions says so): a
        // first load wrote each ~1 KB document twice, half of its table data and WAL.
        """
        UPDATE product_versions v SET doc = '\x'::bytea FROM products p WHERE v.sku = p.sku AND v.version = p.version;
        """,
        // 7: who may come in and what they did (principals, their keys as id and SHA-256 of the secret, the access log), and the
        // event outbox, numbered by an identity sequence; writers take OutboxLock so that the numbers follow the order of commits.
        """
        CREATE TABLE principals (
            kind text NOT NULL, name text COLLATE "C" NOT NULL, grants text[] NOT NULL, role text, disabled boolean NOT NULL,
            created timestamptz NOT NULL, PRIMARY KEY (kind, name));
        CREATE TABLE access_keys (
            id text PRIMARY KEY, kind text NOT NULL, principal text COLLATE "C" NOT NULL, hash bytea NOT NULL, created timestamptz NOT NULL,
            expires timestamptz);
        CREATE INDEX access_keys_principal ON access_keys (kind, principal);
        CREATE TABLE access_log (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, kind text NOT NULL, principal text COLLATE "C" NOT NULL,
            action text NOT NULL, target text, version integer, status integer NOT NULL, bytes bigint NOT NULL);
        CREATE INDEX access_log_principal ON access_log (kind, principal, at);
        CREATE TABLE outbox (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE, type text NOT NULL, source text NOT NULL,
            subject text NOT NULL, time timestamptz NOT NULL, data bytea NOT NULL, created timestamptz NOT NULL DEFAULT now(), sent timestamptz,
            attempts integer NOT NULL DEFAULT 0, next_attempt timestamptz, last_error text);
        CREATE INDEX outbox_pending ON outbox (seq) WHERE sent IS NULL;
        """,
        // 8: who asked for a run (an upload's supplier, an operator's retry): the runs API shows a supplier its own runs only.
        """
        ALTER TABLE runs ADD COLUMN submitted_by text;
        """,
        // 9: product models (Akeneo's product_models.csv), records of their own, as in the embedded store (its schema 9).
        """
        CREATE TABLE product_models (
            code text COLLATE "C" PRIMARY KEY, version integer NOT NULL, hash bytea NOT NULL, doc bytea NOT NULL, run_id text NOT NULL,
            source text NOT NULL, parent text COLLATE "C", family text);
        CREATE INDEX product_models_parent ON product_models (parent) WHERE parent IS NOT NULL;
        CREATE TABLE product_model_versions (
            code text COLLATE "C" NOT NULL, version integer NOT NULL, run_id text NOT NULL, at timestamptz NOT NULL,
            hash bytea NOT NULL, doc bytea NOT NULL, lineage bytea NOT NULL, PRIMARY KEY (code, version));
        """,
        // 10: the channels a product was checked for (its notes' channels), read with every publishable product: a channel only
        // publishes what its rules ran for. Products written before notes were kept were published everywhere: '|*|' keeps that.
        """
        ALTER TABLE products ADD COLUMN checked text NOT NULL DEFAULT '';
        UPDATE products SET checked = CASE WHEN notes = '' THEN '|*|'
            ELSE coalesce('|' || nullif(array_to_string(ARRAY(SELECT jsonb_array_elements_text(notes::jsonb -> 'channels')), '|'), '') || '|', '') END;
        """,
        // 11: the key ring of the console's cookies (ASP.NET Core Data Protection), read by every node of the service.
        """
        CREATE TABLE session_keys (name text PRIMARY KEY, xml text NOT NULL, created timestamptz NOT NULL);
        """,
        // 12: what the source whose merge last wrote a product sent (SourceContribution; null after any other write): that source's
        // same record under the same merge key is then known merged already.
        """
        ALTER TABLE products ADD COLUMN contribution bigint;
        """,
    ];

    /// <summary>The advisory lock key every outbox writer takes in its transaction ("pfoutbox"): one writer at a time, so sequence order is commit order.</summary>
    public const long OutboxLock = 0x70666F7574626F78;

    /// <summary>The SQL that reads a version's document from <c>v</c> (product_versions) joined with <c>p</c> (products).</summary>
    public const string VersionDoc = "CASE WHEN length(v.doc) = 0 THEN p.doc ELSE v.doc END";

    /// <summary>The schema version this build migrates to.</summary>
    public static int LatestVersion => Migrations.Length;

    /// <summary>Whether the database holds a ProductFlow store (its schema table).</summary>
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('productflow_schema') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public static Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        MigrateAsync(connection, Migrations.Length, cancellationToken);

    /// <summary>Upgrades to <paramref name="target"/> (tests build older stores with it).</summary>
    internal static async Task MigrateAsync(NpgsqlConnection connection, int target, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS productflow_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
        await using var current = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM productflow_schema", connection);
        var version = (int)(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        for (var i = version; i < target; i++)
        {
            await ExecuteAsync(connection, Migrations[i], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"INSERT INTO productflow_schema (version) VALUES ({i + 1})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
