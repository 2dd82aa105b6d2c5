using System.Text;
using CsvHelper;
using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels.Akeneo;

/// <summary>Channel kind <c>akeneo-csv</c>: Akeneo's own import format (<c>;</c>-separated, UTF-8), products or product models.</summary>
/// <remarks>
/// A row per record, its cells by <see cref="AkeneoCells"/>: every value a product has (inherited ones included: Akeneo's import keeps
/// a variant's own level only), its associations, groups and categories. The columns are the leading ones of the entity and then every
/// column some record fills, in ordinal order; since they are known only at the end, rows are spooled to a temporary file as they come
/// (memory stays flat) and written under the header when the writer is disposed. Akeneo's import cannot delete: the kind publishes full
/// files only. Values are written as stored (no formula guard: Akeneo reads them as data).
/// </remarks>
internal sealed class AkeneoCsvWriter : IChannelWriter
{
    public const string Kind = "akeneo-csv";

    private readonly Stream _output;
    private readonly ProductCatalog _catalog;
    private readonly IReadOnlyList<string> _leading;
    private readonly SortedSet<string> _columns = new(StringComparer.Ordinal);
    private readonly string _spoolPath = Path.Combine(Path.GetTempPath(), $"productflow-akeneo-{Guid.NewGuid():N}.tmp");
    private readonly BinaryWriter _spool;

    public AkeneoCsvWriter(ChannelView view, Stream output)
    {
        ArgumentNullException.ThrowIfNull(view);
        var channel = view.Channel;
        _output = output;
        _catalog = view.Catalog;
        _leading = channel.Akeneo?.Entity == AkeneoOptions.ProductModels ? AkeneoCells.ModelColumns : AkeneoCells.ProductColumns;
        _spool = new BinaryWriter(new FileStream(_spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose), Encoding.UTF8);
        FileName = ChannelWriters.FileName(channel);
    }

    public string FileName { get; }

    public void Write(ProductRecord record)
    {
        var cells = AkeneoCells.Of(record, _catalog);
        _spool.Write(cells.Count);
        foreach (var (column, text) in cells)
        {
            if (!_leading.Contains(column))
            {
                _columns.Add(column);
            }

            _spool.Write(column);
            _spool.Write(text);
        }
    }

    public void WriteRemoval(string sku, string? model) => throw new InvalidOperationException("akeneo-csv takes full files only: Akeneo's import cannot delete");

    public async ValueTask DisposeAsync()
    {
        var header = _leading.Concat(_columns).ToArray();
        var index = header.Select((column, i) => (column, i)).ToDictionary(p => p.column, p => p.i, StringComparer.Ordinal);
        await using (_spool.ConfigureAwait(false))
        {
            _spool.Flush();
            var spool = _spool.BaseStream;
            spool.Position = 0;
            using var reader = new BinaryReader(spool, Encoding.UTF8, leaveOpen: true);
            var csv = CsvWriter.Create(_output, CsvWriterOptions.Default with { Separator = ';', NewLine = "\n", WriteByteOrderMark = false, ValidateFieldCount = true }, leaveOpen: false);
            await using (csv.ConfigureAwait(false))
            {
                csv.WriteRecord(header);
                var row = new string[header.Length];
                while (spool.Position < spool.Length)
                {
                    Array.Fill(row, "");
                    for (var cells = reader.ReadInt32(); cells > 0; cells--)
                    {
                        var column = reader.ReadString();
                        row[index[column]] = reader.ReadString();
                    }

                    csv.WriteRecord(row);
                }
            }
        }
    }
}
