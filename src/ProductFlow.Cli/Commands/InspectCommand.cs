using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProductFlow.Cli.Output;
using ProductFlow.Connectors;
using ProductFlow.Csv;

namespace ProductFlow.Cli.Commands;

/// <summary><c>inspect</c>: what ProductFlow reads in a feed file, row by row, before any mapping or rule.</summary>
/// <remarks>
/// stdout: one compact JSON object per row, keyed by the file's own headers (exactly as written), values the raw
/// strings, plus <c>_line</c>; a row the reader could not split has <c>_problem</c> and <c>_raw</c> instead.
/// stderr: what was detected (format, encoding, delimiter, columns) and how many rows were read.
/// </remarks>
internal static class InspectCommand
{
    private static readonly Argument<string> Path = new("path") { Description = "The feed file to read." };

    private static readonly Option<string?> Format = new("--format", "-f")
    {
        Description = "csv, xlsx, json, jsonl or akeneo-csv; default: from the file's extension (csv for others).",
    };

    private static readonly Option<int?> Limit = new("--limit", "-n") { Description = "Stop after this many rows." };
    private static readonly Option<string?> Delimiter = new("--delimiter") { Description = "CSV delimiter (, ; | tab); default: detected." };
    private static readonly Option<string?> Encoding = new("--encoding") { Description = "auto (default), utf-8, utf-16le, utf-16be, windows-1252 or iso-8859-1." };
    private static readonly Option<string?> Sheet = new("--sheet") { Description = "xlsx: the sheet to read; default the first." };

    private static readonly string[] Formats = ["csv", "xlsx", "json", "jsonl", "akeneo-csv"];

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var command = new Command("inspect", "Print a feed's rows as JSON Lines, exactly as ProductFlow reads them; what was detected goes to stderr.")
        {
            Path, Format, Limit, Delimiter, Encoding, Sheet,
        }.WithExamples("productflow inspect samples/supplier-apparel.csv --limit 3", "productflow inspect drops/supplier.xlsx --sheet Products --limit 10");
        command.SetAction(ExecuteAsync);
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var path = System.IO.Path.GetFullPath(result.GetRequiredValue(Path));
        var format = result.GetValue(Format) ?? FormatOf(path);
        if (!Formats.Contains(format))
        {
            throw new ProductFlowException($"unknown format '{format}'") { Hint = "--format is one of: " + string.Join(", ", Formats) };
        }

        var limit = result.GetValue(Limit) ?? int.MaxValue;
        var error = Console.Error;
        var source = new FeedSource(path)
        {
            Format = format,
            Delimiter = Delimiters.Parse(result.GetValue(Delimiter)) ?? (format == "akeneo-csv" ? ';' : null),
            Encoding = result.GetValue(Encoding),
            Sheet = result.GetValue(Sheet),
            HeaderRead = header => Describe(error, format, header),
        };

        var rows = 0;
        var problems = 0;
        await using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, Compact);
        var reader = FeedReaders.For(format == "akeneo-csv" ? "csv" : format);
        await foreach (var row in reader.ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            if (rows == limit)
            {
                break;
            }

            Write(writer, row);
            writer.Flush();
            writer.Reset();
            stdout.WriteByte((byte)'\n');
            rows++;
            problems += row.Problem is null ? 0 : 1;
        }

        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rows: {rows}{(rows == limit ? " (limit reached)" : "")}, unreadable rows: {problems}")).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private static void Write(Utf8JsonWriter writer, SourceRow row)
    {
        writer.WriteStartObject();
        if (row.Problem is { } problem)
        {
            writer.WriteNumber("_line", row.Line);
            writer.WriteString("_problem", $"{problem.Rule}: {problem.Message}");
            writer.WriteString("_raw", row.Raw);
        }
        else
        {
            for (var i = 0; i < row.Header.Columns.Count; i++)
            {
                writer.WriteString(row.Header.Columns[i], row[i]);
            }

            writer.WriteNumber("_line", row.Line);
        }

        writer.WriteEndObject();
    }

    private static void Describe(TextWriter error, string format, FeedHeader header)
    {
        var delimiter = format is "csv" or "akeneo-csv" ? $", delimiter {DelimiterName(header.Delimiter)}" : "";
        var encoding = header.Encoding is null ? "" : $", encoding {header.Encoding}";
        error.WriteLine($"format {format}{encoding}{delimiter}");
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"columns ({header.Columns.Count}): {string.Join(" | ", header.Columns)}"));
    }

    private static string DelimiterName(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";

    private static string FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xlsx" => "xlsx",
        ".json" => "json",
        ".jsonl" or ".ndjson" => "jsonl",
        _ => "csv",
    };
}
