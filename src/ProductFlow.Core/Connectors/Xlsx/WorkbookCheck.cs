using System.IO.Compression;

namespace ProductFlow.Connectors.Xlsx;

/// <summary>Checks a workbook file before it is parsed: that it is a readable .xlsx (zip) and within its size limit.</summary>
internal static class WorkbookCheck
{
    public static void Check(FeedSource source, WorkbookLimits limits)
    {
        var head = new byte[8];
        int length;
        using (var file = Connectors.Text.EncodingDetector.OpenRead(source.Path, source.Name))
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (head.AsSpan(0, length).StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw Fail(source, "is password-protected (an encrypted workbook) or an old .xls file", "save it in Excel as an unprotected .xlsx workbook");
        }

        if (!head.AsSpan(0, length).StartsWith("PK"u8))
        {
            throw Fail(source, "is not an .xlsx workbook (not a zip archive)", "check source.format: csv, json or jsonl?");
        }

        long total = 0;
        try
        {
            using var zip = ZipFile.OpenRead(source.Path);
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
            }
        }
        catch (InvalidDataException e)
        {
            throw Fail(source, $"is a corrupt or truncated workbook: {e.Message}", "ask the supplier to send the file again", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Fail(source, $"cannot be opened: {e.Message}", null, e);
        }

        if (total > limits.MaxUncompressedBytes)
        {
            throw Fail(source, $"unpacks to {total} bytes, more than the limit of {limits.MaxUncompressedBytes}", "raise source.limits.maxUncompressedBytes if the workbook is genuine");
        }
    }

    public static FeedReadException Fail(FeedSource source, string message, string? hint, Exception? cause = null, long? row = null) =>
        new($"{source.Name}: {(row is { } r ? $"row {r}: " : "")}{message}", source.Path, row, cause) { Hint = hint };
}
