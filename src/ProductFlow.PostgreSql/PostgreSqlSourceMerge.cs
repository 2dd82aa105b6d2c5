using Npgsql;
using NpgsqlTypes;
using ProductFlow.Catalog;
using ProductFlow.Store;

namespace ProductFlow.PostgreSql;

/// <summary>Merges the staged records of products that other sources carry too with their stored records (<see cref="SourceMerge"/>), in the staging table.</summary>
/// <remarks>
/// Runs at commit, inside the transaction and under the merge lock, so it reads the stored records as no other commit
/// can change them; the set-based merge that follows then sees merged documents and hashes. Products carried by the
/// run's source alone (the common case) are only counted: the merge by replacement needs nothing more.
/// </remarks>
internal static class PostgreSqlSourceMerge
{
    // One query for the run (hash joins, not a probe per row), read through a cursor so merged rows can be copied between fetches.
    private const string Declare = $"""
        DECLARE shared NO SCROLL CURSOR FOR
        SELECT s.seq, s.doc, s.lineage, s.enabled_given, s.blocked, s.notes, p.source, p.blocked, p.notes, p.doc, v.lineage
        FROM pg_temp.staging s JOIN products p ON p.sku = s.sku JOIN product_versions v ON v.sku = p.sku AND v.version = p.version
        WHERE {PostgreSqlMerge.Shared} AND {PostgreSqlMerge.NotMergedAlready}
        """;

    public static async Task MergeStagedAsync(
        NpgsqlConnection connection, string source, SourcesDefinition precedence, IMergedRecordCheck? check, int batchSize, CancellationToken cancellationToken)
    {
        await using (var declare = new NpgsqlCommand(Declare, connection))
        {
            declare.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SourceList.Of(source) });
            await declare.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var document = new ProductDocument();
        var any = false;
        while (true)
        {
            var merged = new List<(long Seq, byte[] Hash, byte[] Doc, byte[] Lineage, bool Enabled, string Blocked, string Notes, string Checked)>();
            await using (var fetch = new NpgsqlCommand($"FETCH {batchSize} FROM shared", connection))
            {
                await using var reader = await fetch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var incoming = SourceMerge.ReadStored(reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2), source);
                    incoming.EnabledGiven = reader.GetBoolean(3);
                    incoming.Notes = NotesJson.Read(reader.GetString(5));
                    var stored = SourceMerge.ReadStored(reader.GetFieldValue<byte[]>(9), reader.GetFieldValue<byte[]>(10), reader.GetString(6));
                    stored.Notes = NotesJson.Read(reader.GetString(8));
                    var storedBlocked = StoredProduct.ParseBlocked(reader.GetString(7));
                    var blocked = SourceMerge.Blocked(storedBlocked, StoredProduct.ParseBlocked(reader.GetString(4)), incoming.Notes.Channels);
                    var record = SourceMerge.Merge(stored, incoming, source, precedence);
                    if (check is not null)
                    {
                        blocked = SourceMerge.Recheck(record, storedBlocked, incoming.Notes.Channels, check);
                    }

                    document.Write(record, source);
                    merged.Add((reader.GetInt64(0), document.Hash, document.Content.ToArray(), document.Lineage.ToArray(), record.Enabled, StoredProduct.FormatBlocked(blocked), NotesJson.Write(record.Notes),
                        StoredProduct.FormatBlocked(record.Notes.Channels)));
                }
            }

            if (merged.Count == 0)
            {
                break;
            }

            if (!any)
            {
                await ExecuteAsync(
                    connection,
                    "DROP TABLE IF EXISTS pg_temp.merged; CREATE TEMP TABLE merged (seq bigint NOT NULL, hash bytea NOT NULL, doc bytea NOT NULL, lineage bytea NOT NULL, enabled boolean NOT NULL, blocked text NOT NULL, notes text NOT NULL, checked text NOT NULL)",
                    cancellationToken).ConfigureAwait(false);
                any = true;
            }

            await CopyAsync(connection, merged, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, "CLOSE shared", cancellationToken).ConfigureAwait(false);
        if (any)
        {
            await ExecuteAsync(
                connection,
                """
                UPDATE pg_temp.staging s SET hash = m.hash, doc = m.doc, lineage = m.lineage, enabled = m.enabled, blocked = m.blocked, notes = m.notes, checked = m.checked
                FROM pg_temp.merged m WHERE s.seq = m.seq;
                DROP TABLE pg_temp.merged;
                """,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, List<(long Seq, byte[] Hash, byte[] Doc, byte[] Lineage, bool Enabled, string Blocked, string Notes, string Checked)> merged, CancellationToken cancellationToken)
    {
        var copy = await connection.BeginBinaryImportAsync("COPY pg_temp.merged (seq, hash, doc, lineage, enabled, blocked, notes, checked) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            foreach (var row in merged)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Seq, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Hash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Doc, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Lineage, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Enabled, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Blocked, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Notes, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(row.Checked, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
