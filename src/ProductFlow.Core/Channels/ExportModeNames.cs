using ProductFlow.Catalog;

namespace ProductFlow.Channels;

/// <summary>The names of <see cref="ExportMode"/> in files and output (<c>full</c>, <c>delta</c>), as the catalog writes them.</summary>
public static class ExportModeNames
{
    public static string Name(ExportMode mode) => mode == ExportMode.Delta ? "delta" : "full";

    /// <summary>The mode named <paramref name="name"/>; anything but <c>delta</c> is full.</summary>
    public static ExportMode Parse(string? name) => name == "delta" ? ExportMode.Delta : ExportMode.Full;
}
