using ProductFlow.Connectors.Csv;

namespace ProductFlow.Connectors;

/// <summary>The reader of each feed format. A new format is a folder under <c>Connectors/</c> and one line here.</summary>
public static class FeedReaders
{
    public static IFeedReader For(string format) => format switch
    {
        "csv" => new CsvFeedReader(),
        _ => throw new ProductFlowException($"unknown feed format '{format}'") { Hint = "supported formats: csv" },
    };
}
