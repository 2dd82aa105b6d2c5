namespace ProductFlow.Pipelines;

/// <summary>The pipelines of a folder, loaded and checked, by name: what the service runs (its <c>ProductFlow:Pipelines</c> folder).</summary>
public static class PipelineFiles
{
    /// <summary>Every pipeline file in <paramref name="directory"/> (<c>*.json</c>, not its subfolders), by file name; a file that fails to load
    /// fails the whole load, with its problems, since a service must not start on half of its configuration.</summary>
    public static IReadOnlyList<LoadedPipeline> Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new ProductFlowException($"the pipelines folder {directory} does not exist") { Hint = "set ProductFlow:Pipelines, or run from the folder that holds pipelines/" };
        }

        var pipelines = new List<LoadedPipeline>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var pipeline = PipelineLoader.Load(file);
            if (names.TryGetValue(pipeline.Definition.Name, out var other))
            {
                throw new ProductFlowException($"pipelines {Path.GetFileName(other)} and {Path.GetFileName(file)} are both named '{pipeline.Definition.Name}'", file);
            }

            names[pipeline.Definition.Name] = file;
            pipelines.Add(pipeline);
        }

        return pipelines;
    }

    /// <summary>The pipeline named <paramref name="name"/> in <paramref name="directory"/>, or null.</summary>
    public static LoadedPipeline? Find(string directory, string name) =>
        Load(directory).FirstOrDefault(p => string.Equals(p.Definition.Name, name, StringComparison.Ordinal));
}
