using System.CommandLine;

namespace ProductFlow.Cli.Commands;

/// <summary>The options every command that reads or writes the product store shares.</summary>
internal static class StoreOptions
{
    public static readonly Option<string> Data = new("--data", "-d")
    {
        Description = "The data folder: exports/, reports/ and the embedded store (default: the data folder of the pipeline's project for a command that names a pipeline file, else ./data).",
        DefaultValueFactory = _ => "data",
    };

    public static readonly Option<string?> Store = new("--store")
    {
        Description = "The product store: an Npgsql connection string or postgresql://user:password@host:port/db URL (default: PRODUCTFLOW_STORE, else the embedded SQLite file in the data folder).",
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print exactly one JSON object on stdout." };

    /// <summary>The data folder of a command: <c>--data</c> when given (relative to the working folder); else, for a command that names a pipeline
    /// file, the <c>data</c> folder of the pipeline's project (<see cref="ProjectOf"/>), so it is the same from any working folder; else <c>./data</c>.</summary>
    public static string DataFolder(ParseResult result, string? pipelineFile = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GetResult(Data) is { Implicit: false } && result.GetValue(Data) is { Length: > 0 } given)
        {
            return Path.GetFullPath(given);
        }

        return pipelineFile is null ? Path.GetFullPath("data") : Path.Combine(ProjectOf(pipelineFile), "data");
    }

    /// <summary>The project a pipeline file belongs to: the folder holding its <c>pipelines/</c> folder (the layout <c>init</c> makes), else the file's own folder.</summary>
    public static string ProjectOf(string pipelineFile)
    {
        ArgumentNullException.ThrowIfNull(pipelineFile);
        var folder = Path.GetDirectoryName(Path.GetFullPath(pipelineFile))!;
        return string.Equals(Path.GetFileName(folder), "pipelines", StringComparison.OrdinalIgnoreCase) && Path.GetDirectoryName(folder) is { } project ? project : folder;
    }
}
