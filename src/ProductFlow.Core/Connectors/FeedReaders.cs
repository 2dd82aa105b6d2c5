using ProductFlow.Connectors.Akeneo;
using ProductFlow.Connectors.Csv;
using ProductFlow.Connectors.Http;
using ProductFlow.Connectors.Json;
using ProductFlow.Connectors.Xlsx;

namespace ProductFlow.Connectors;

/// <summary>The reader of each feed format. A new format is a folder under <c>Connectors/</c> and one line here.</summary>
public static class FeedReaders
{
    /// <summary>The formats <c>source.format</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "json", "jsonl", "xlsx", "akeneo-csv", "http-json"];

    public static IFeedReader For(string format) => format switch
    {
        "csv" => new CsvFeedReader(),
        "json" => new JsonFeedReader(),
        "jsonl" => new JsonLinesFeedReader(),
        "xlsx" => new XlsxFeedReader(),
        "akeneo-csv" => new AkeneoCsvFeedReader(),
        "http-json" => new HttpJsonFeedReader(),
        _ => throw new ProductFlowException($"unknown feed format '{format}'") { Hint = "supported formats: " + string.Join(", ", Formats) },
    };
}
