using System.CommandLine;

namespace ProductFlow.Cli.Commands;

/// <summary><c>--pipelines</c>: the folder of pipeline files the service runs (as <c>ProductFlow:Pipelines</c> says to the host).</summary>
internal static class PipelineFolder
{
    public static readonly Option<string> Option = new("--pipelines")
    {
        Description = "The folder of pipeline files (default: pipelines).",
        DefaultValueFactory = _ => "pipelines",
    };

    public static string Of(ParseResult result) => Path.GetFullPath(result.GetValue(Option) ?? "pipelines");
}
