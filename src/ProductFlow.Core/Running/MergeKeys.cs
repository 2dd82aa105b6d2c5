using System.Security.Cryptography;
using System.Text.Json;
using ProductFlow.Pipelines;

namespace ProductFlow.Running;

/// <summary>A run's merge key (<see cref="Store.SessionOptions.MergeKey"/>): what decides how its store merges sources, besides the records.</summary>
/// <remarks>
/// A merge takes the catalog's precedence and checks the merged record with the pipeline's channel rules and the catalog's
/// channels (<see cref="MergedRecordCheck"/>), as this build of ProductFlow runs them. So the key is a SHA-256 of the pipeline's and
/// the catalog's definitions as loaded, of each channel's schema file, and of the build: a change to any of them merges again.
/// </remarks>
internal static class MergeKeys
{
    public static string Of(LoadedPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var (definition, catalog) = pipeline;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(MergeKeys).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(definition, DefinitionJsonContext.Default.PipelineDefinition));
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(catalog, DefinitionJsonContext.Default.ProductCatalog));
        foreach (var channel in catalog.Channels)
        {
            // Loading the catalog compiled each schema from its file: the file's bytes stand for it.
            if (channel.Schema is { } schema && Path.Combine(catalog.BaseDirectory, schema) is var file && File.Exists(file))
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
