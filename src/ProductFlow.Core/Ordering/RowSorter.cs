using System.Runtime.CompilerServices;
using System.Text;
using ProductFlow.Connectors;
using ProductFlow.Mapping;

namespace ProductFlow.Ordering;

/// <summary>Gives a feed's rows in the order of a grouped feed: rows of no model as they come, then product models, then each model's variants together.</summary>
/// <remarks>
/// <para>The order, after the rows that name no model (simple products, unreadable rows, in feed order): root models, then sub-models,
/// then the variants grouped by parent (ordinal), each group in feed order. The rules then see models before their variants and a
/// model's rows together, as in a feed sorted that way, whatever the feed's own order.</para>
/// <para>Memory stays bounded: up to <c>maxHeldRows</c> rows (default <see cref="DefaultMaxHeldRows"/>) are held; past that they are written to a scratch file
/// (<see cref="ScratchFile"/>) and read back sorted by SQLite's external sort. A row is kept as read (its fields) and mapped again when
/// it comes back: mapping is cheap and pure, a held record would not be.</para>
/// </remarks>
public sealed class RowSorter : IDisposable
{
    /// <summary>Rows held in memory before the sorter spills to a scratch file.</summary>
    public const int DefaultMaxHeldRows = 20_000;

    private readonly int _maxHeldRows;
    private readonly List<Held> _held = [];
    private readonly List<FeedHeader> _headers = [];
    private ScratchFile? _scratch;
    private Microsoft.Data.Sqlite.SqliteCommand? _insert;
    private long _seq;

    public RowSorter(int maxHeldRows = DefaultMaxHeldRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxHeldRows);
        _maxHeldRows = maxHeldRows;
    }

    /// <summary>Whether the rows went to a scratch file (for tests and the bench).</summary>
    public bool Spilled => _scratch is not null;

    /// <summary>The rows of <paramref name="rows"/> in grouped order; <paramref name="mapper"/> tells each row's model.</summary>
    public async IAsyncEnumerable<SourceRow> OrderAsync(IAsyncEnumerable<SourceRow> rows, IRecordMapper mapper, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(mapper);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            RowIdentity? identity = row.Problem is null ? mapper.Identify(row) : null;
            if (identity is not { } record || (!record.IsModel && string.IsNullOrWhiteSpace(record.Parent)))
            {
                yield return row;
                continue;
            }

            // 0: root models, 1: sub-models, 2: variants (grouped by parent).
            var kind = record.IsModel ? (string.IsNullOrWhiteSpace(record.Parent) ? 0 : 1) : 2;
            Hold(new Held(kind, kind == 2 ? record.Parent! : "", row));
        }

        var sorted = _scratch is null ? Sorted() : ReadBack(cancellationToken);
        foreach (var row in sorted)
        {
            yield return row;
        }
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _scratch?.Dispose();
    }

    private IEnumerable<SourceRow> Sorted()
    {
        // A stable sort: rows of one group keep their feed order.
        return _held.Select((held, index) => (held, index))
            .OrderBy(h => h.held.Kind).ThenBy(h => h.held.Group, StringComparer.Ordinal).ThenBy(h => h.index)
            .Select(h => h.held.Row);
    }

    private void Hold(Held held)
    {
        if (_scratch is null && _held.Count < _maxHeldRows)
        {
            _held.Add(held);
            return;
        }

        if (_scratch is null)
        {
            _scratch = ScratchFile.Create();
            using (var create = _scratch.Command("CREATE TABLE held (kind INTEGER NOT NULL, grp BLOB NOT NULL, seq INTEGER NOT NULL, row BLOB NOT NULL); BEGIN"))
            {
                create.ExecuteNonQuery();
            }

            _insert = _scratch.Command("INSERT INTO held (kind, grp, seq, row) VALUES ($kind, $grp, $seq, $row)", "$kind", "$grp", "$seq", "$row");
            foreach (var earlier in _held)
            {
                Insert(earlier);
            }

            _held.Clear();
        }

        Insert(held);
    }

    private void Insert(Held held)
    {
        // The group as UTF-8 bytes: SQLite compares BLOBs with memcmp, which is UTF-8 ordinal order, as channels order models.
        _insert!.Parameters[0].Value = held.Kind;
        _insert.Parameters[1].Value = Encoding.UTF8.GetBytes(held.Group);
        _insert.Parameters[2].Value = _seq++;
        _insert.Parameters[3].Value = HeldRows.Write(held.Row, HeaderIndex(held.Row.Header));
        _insert.ExecuteNonQuery();
    }

    private IEnumerable<SourceRow> ReadBack(CancellationToken cancellationToken)
    {
        using (var commit = _scratch!.Command("COMMIT"))
        {
            commit.ExecuteNonQuery();
        }

        using var select = _scratch.Command("SELECT row FROM held ORDER BY kind, grp, seq");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return HeldRows.Read((byte[])reader[0], _headers);
        }
    }

    private int HeaderIndex(FeedHeader header)
    {
        var index = _headers.FindIndex(h => ReferenceEquals(h, header));
        if (index < 0)
        {
            _headers.Add(header);
            index = _headers.Count - 1;
        }

        return index;
    }

    private readonly record struct Held(int Kind, string Group, SourceRow Row);
}
