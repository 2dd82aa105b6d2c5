using System.Security.Cryptography;
using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Pipelines;

namespace ProductFlow.Publishing;

/// <summary>What shapes a channel's version besides the store's records and the channel's definition: the catalog (attributes, options and
/// their labels, units, categories, every channel) and the build of ProductFlow that writes it. Kept in each manifest as one hash.</summary>
/// <remarks>
/// A publish that finds the store where the channel's current version left it, the same definition and the same inputs knows what
/// reading the store again would give (that version's records, unchanged) and does not read it (<see cref="ChannelPass.TakeAsUnchanged"/>).
/// The build is the module version id of ProductFlow's core, which a deterministic build derives from its code: a new release of the
/// writers or of how fields are worked out reads the store again once.
/// </remarks>
internal static class PublishInputs
{
    private static readonly byte[] Build = typeof(PublishInputs).Assembly.ManifestModule.ModuleVersionId.ToByteArray();

    public static string Of(ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(catalog, DefinitionJsonContext.Default.ProductCatalog));
        hash.AppendData(Build);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
