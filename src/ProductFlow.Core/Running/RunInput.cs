using ProductFlow.Connectors.Remote;
using ProductFlow.Pipelines;

namespace ProductFlow.Running;

/// <summary>The feed a run reads: <c>--input</c> (a file, or a remote feed), else the pipeline's <c>source.url</c> or <c>source.path</c>.</summary>
internal static class RunInput
{
    /// <summary>The feed's full path or remote location; a folder, or no feed at all, is refused with a hint.</summary>
    public static string Resolve(PipelineDefinition definition, RunRequest request)
    {
        if (request.Input is { } input)
        {
            if (RemoteLocation.IsRemote(input))
            {
                return Remote(input, definition);
            }

            if (Directory.Exists(input))
            {
                throw new ProductFlowException($"{input} is a folder, not a feed file", input)
                {
                    Hint = "give the feed file itself; to run every feed dropped in a folder, use --from-inbox (it reads <data>/inbox/<pipeline>/)",
                };
            }

            return Path.GetFullPath(input);
        }

        if (definition.Source.Url is { } url)
        {
            return url;
        }

        if (definition.Source.Path is { } path)
        {
            return RemoteLocation.IsRemote(path) ? Remote(path, definition) : definition.ResolvePath(path);
        }

        throw new PipelineDefinitionException(new DefinitionProblem(DefinitionFile.DisplayPath(definition.FilePath), "$.source.path", "no feed to read: set source.path or give --input"));
    }

    /// <summary>A remote feed as given, once it is known to be one ProductFlow reads (no password in it, an API at an http(s) URL).</summary>
    private static string Remote(string input, PipelineDefinition definition)
    {
        var location = RemoteLocation.Parse(input);
        if (location.IsSftp && definition.Source.Format == "http-json")
        {
            throw new ProductFlowException($"an http-json feed is an API at an http(s) URL, not {location}", DefinitionFile.DisplayPath(definition.FilePath))
            {
                Hint = "give the API's URL, or set source.format to the format of the file on the SFTP server",
            };
        }

        return input;
    }
}
