using Microsoft.Data.Sqlite;

namespace ProductFlow.Store.Sqlite;

/// <summary>The embedded store's tables, created and upgraded by version (<c>PRAGMA user_version</c>).</summary>
/// <remarks>
/// Since version 6 a product's current document is stored once, in <c>products.doc</c>; its row in <c>product_version_rows</c>
/// has an empty <c>doc</c> until a newer version supersedes it and the session moves the document there (a stored document
/// is a JSON object, never empty). The view <c>product_versions</c> shows every version with its document, as the table of
/// that name did before: readers (history, <c>store copy</c>, a steward's sqlite3) see the same relation; writers use the table.
/// Since version 9 product models have tables of their own (<c>product_models</c>, <c>product_model_versions</c>).
/// </remarks>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY, pipeline TEXT NOT NULL, feed_name TEXT NOT NULL, feed_size INTEGER NOT NULL,
            feed_sha256 TEXT NOT NULL, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
            read INTEGER NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL, warnings INTEGER NOT NULL,
            changed INTEGER NOT NULL, report TEXT);
        CREATE TABLE products (
            sku TEXT PRIMARY KEY, version INTEGER NOT NULL, hash BLOB NOT NULL, enabled INTEGER NOT NULL,
            blocked TEXT NOT NULL, doc BLOB NOT NULL, run_id TEXT NOT NULL);
        CREATE TABLE product_versions (
            sku TEXT NOT NULL, version INTEGER NOT NULL, run_id TEXT NOT NULL, at TEXT NOT NULL,
            hash BLOB NOT NULL, doc BLOB NOT NULL, lineage BLOB NOT NULL, PRIMARY KEY (sku, version)) WITHOUT ROWID;
        CREATE TABLE quarantine (
            run_id TEXT NOT NULL, line INTEGER NOT NULL, sku TEXT, issues TEXT NOT NULL, source TEXT NOT NULL,
            PRIMARY KEY (run_id, line)) WITHOUT ROWID;
        """,
        """
        ALTER TABLE products ADD COLUMN source TEXT NOT NULL DEFAULT '';
        ALTER TABLE products ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE products ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE products SET change_seq = rowid;
        CREATE INDEX products_change_seq ON products (change_seq);
        CREATE INDEX products_source ON products (source, removed);
        ALTER TABLE product_versions ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
        """,
        """
        ALTER TABLE quarantine ADD COLUMN closed_by TEXT;
        ALTER TABLE runs ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX quarantine_open_sku ON quarantine (sku) WHERE closed_by IS NULL;
        """,
        """
        ALTER TABLE products ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        """,
        """
        ALTER TABLE products ADD COLUMN sources TEXT NOT NULL DEFAULT '';
        UPDATE products SET sources = '|' || source || '|' WHERE source <> '' AND removed = 0;
        """,
        // 6: the current version's document lives once, in products.doc (an empty doc in product_version_rows says so), and
        // the versions are a rowid table: a WITHOUT ROWID row over ~1 KB spilled into a mostly empty overflow page
        // (4.7 KB on disk per 1.4 KB version), which made the table three times the data and every insert pay for it.
        // products.state is the fingerprint an unchanged upsert is recognised by without a SELECT (SqliteKnownProducts).
        // products.model is the document's parent, else the SKU: channels read in (model, sku) order from an index instead of
        // sorting every document by a json_extract per read. products_source went unused with the sources column (5): every
        // upsert paid for it.
        """
        CREATE TABLE product_version_rows (
            sku TEXT NOT NULL, version INTEGER NOT NULL, run_id TEXT NOT NULL, at TEXT NOT NULL,
            hash BLOB NOT NULL, doc BLOB NOT NULL, lineage BLOB NOT NULL, removed INTEGER NOT NULL DEFAULT 0);
        INSERT INTO product_version_rows (sku, version, run_id, at, hash, doc, lineage, removed)
            SELECT v.sku, v.version, v.run_id, v.at, v.hash, CASE WHEN p.version = v.version THEN X'' ELSE v.doc END, v.lineage, v.removed
            FROM product_versions v LEFT JOIN products p ON p.sku = v.sku ORDER BY v.sku, v.version;
        DROP TABLE product_versions;
        CREATE UNIQUE INDEX product_version_rows_key ON product_version_rows (sku, version);
        CREATE VIEW product_versions AS
            SELECT v.sku, v.version, v.run_id, v.at, v.hash, CASE WHEN length(v.doc) = 0 THEN p.doc ELSE v.doc END AS doc, v.lineage, v.removed
            FROM product_version_rows v LEFT JOIN products p ON p.sku = v.sku;
        ALTER TABLE products ADD COLUMN state INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE products ADD COLUMN model TEXT NOT NULL DEFAULT '';
        UPDATE products SET model = coalesce(json_extract(CAST(doc AS TEXT), '$.parent'), sku);
        CREATE INDEX products_model ON products (model, sku);
        DROP INDEX products_source;
        """,
        // 7: who may come in and what they did (principals, their keys as id and SHA-256 of the secret, the access log), and the
        // event outbox. outbox.seq is AUTOINCREMENT: never reused, and with SQLite's one writer it follows the order of commits.
        """
        CREATE TABLE principals (
            kind TEXT NOT NULL, name TEXT NOT NULL, grants TEXT NOT NULL, role TEXT, disabled INTEGER NOT NULL, created TEXT NOT NULL,
            PRIMARY KEY (kind, name)) WITHOUT ROWID;
        CREATE TABLE access_keys (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, principal TEXT NOT NULL, hash BLOB NOT NULL, created TEXT NOT NULL, expires TEXT) WITHOUT ROWID;
        CREATE INDEX access_keys_principal ON access_keys (kind, principal);
        CREATE TABLE access_log (
            seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, principal TEXT NOT NULL, action TEXT NOT NULL, target TEXT,
            version INTEGER, status INTEGER NOT NULL, bytes INTEGER NOT NULL);
        CREATE INDEX access_log_principal ON access_log (kind, principal, at);
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, source TEXT NOT NULL, subject TEXT NOT NULL,
            time TEXT NOT NULL, data BLOB NOT NULL, created TEXT NOT NULL, sent TEXT, attempts INTEGER NOT NULL DEFAULT 0, next_attempt TEXT,
            last_error TEXT);
        CREATE INDEX outbox_pending ON outbox (seq) WHERE sent IS NULL;
        """,
        // 8: who asked for a run (an upload's supplier, an operator's retry): the runs API shows a supplier its own runs only.
        """
        ALTER TABLE runs ADD COLUMN submitted_by TEXT;
        """,
        // 9: product models (Akeneo's product_models.csv), records of their own: the current document in product_models, every
        // version (document and lineage) in product_model_versions. Models are few beside products, so versions keep their document.
        """
        CREATE TABLE product_models (
            code TEXT PRIMARY KEY, version INTEGER NOT NULL, hash BLOB NOT NULL, doc BLOB NOT NULL, run_id TEXT NOT NULL,
            source TEXT NOT NULL, parent TEXT, family TEXT);
        CREATE INDEX product_models_parent ON product_models (parent) WHERE parent IS NOT NULL;
        CREATE TABLE product_model_versions (
            code TEXT NOT NULL, version INTEGER NOT NULL, run_id TEXT NOT NULL, at TEXT NOT NULL,
            hash BLOB NOT NULL, doc BLOB NOT NULL, lineage BLOB NOT NULL, PRIMARY KEY (code, version)) WITHOUT ROWID;
        """,
        // 10: the channels a product was checked for (its notes' channels), read with every publishable product: a channel only
        // publishes what its rules ran for. Products written before notes were kept were published everywhere: '|*|' keeps that.
        """
        ALTER TABLE products ADD COLUMN checked TEXT NOT NULL DEFAULT '';
        UPDATE products SET checked = CASE WHEN notes = '' THEN '|*|'
            ELSE coalesce((SELECT '|' || group_concat(value, '|') || '|' FROM json_each(notes, '$.channels')), '') END,
            state = CASE WHEN notes = '' THEN 0 ELSE state END;
        """,
        // 11: the key ring of the console's cookies (ASP.NET Core Data Protection), read by every node of the service.
        """
        CREATE TABLE session_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL, created TEXT NOT NULL) WITHOUT ROWID;
        """,
    ];

    /// <summary>The schema version a store is brought to when it opens.</summary>
    public static int Latest => Migrations.Length;

    public static void Migrate(SqliteConnection connection) => Migrate(connection, Migrations.Length);

    /// <summary>Upgrades to <paramref name="target"/> (tests build older stores with it).</summary>
    internal static void Migrate(SqliteConnection connection, int target)
    {
        // Read first, without the write lock: a store opened while another connection holds a long write transaction (a run's)
        // must not wait for it, or fail, when there is nothing to migrate.
        if (Version(connection, null) >= target)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        var version = Version(connection, transaction);
        for (var i = version; i < target; i++)
        {
            Execute(connection, transaction, Migrations[i]);
            Execute(connection, transaction, $"PRAGMA user_version = {i + 1}");
        }

        transaction.Commit();
    }

    private static int Version(SqliteConnection connection, SqliteTransaction? transaction) =>
        Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
