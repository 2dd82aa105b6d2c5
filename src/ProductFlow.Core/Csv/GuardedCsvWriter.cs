using CsvHelper;

namespace ProductFlow.Csv;

/// <summary>Writes a human-facing CSV (UTF-8 with BOM, so Excel opens it right) whose text cells are guarded against formula injection.</summary>
/// <remarks>Text goes through <see cref="FormulaGuard.Protect"/>; cells written with <see cref="WriteNumber"/> stay numbers.</remarks>
public sealed class GuardedCsvWriter : IAsyncDisposable, IDisposable
{
    private readonly CsvWriter _writer;

    private GuardedCsvWriter(CsvWriter writer) => _writer = writer;

    public long Records => _writer.RecordCount;

    /// <summary>A writer to <paramref name="stream"/>: UTF-8 (with a byte order mark unless told otherwise), or <paramref name="encoding"/>.</summary>
    /// <remarks>A character <paramref name="encoding"/> cannot hold is written as <c>?</c>. The stream is closed with the writer unless
    /// <paramref name="leaveOpen"/> (a response body, which its server closes).</remarks>
    public static GuardedCsvWriter Create(Stream stream, char separator = ',', bool byteOrderMark = true, System.Text.Encoding? encoding = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var options = CsvWriterOptions.Default with { Separator = separator, WriteByteOrderMark = byteOrderMark, ValidateFieldCount = true };
        return new GuardedCsvWriter(encoding is null
            ? CsvWriter.Create(stream, options, leaveOpen)
            : CsvWriter.Create(new StreamWriter(stream, encoding, 1 << 16, leaveOpen), options, leaveOpen: false));
    }

    public static GuardedCsvWriter Create(string path, char separator = ',', bool byteOrderMark = true) =>
        Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), separator, byteOrderMark);

    public void WriteHeader(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            WriteText(name);
        }

        EndRecord();
    }

    public void WriteText(string? value) => _writer.WriteField(value is null ? null : FormulaGuard.Protect(value));

    /// <summary>Writes a number as it is (or as <paramref name="format"/> writes it); a value that is not a plain number is guarded like text.</summary>
    public void WriteNumber(string? value, Func<string, string>? format = null)
    {
        if (value is null || FormulaGuard.IsPlainNumber(value))
        {
            _writer.WriteField(value is null || format is null ? value : format(value));
            return;
        }

        WriteText(value);
    }

    public void EndRecord() => _writer.EndRecord();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();
}
