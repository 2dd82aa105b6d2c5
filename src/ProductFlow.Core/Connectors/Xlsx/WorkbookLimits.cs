namespace ProductFlow.Connectors.Xlsx;

/// <summary>Limits that keep a hostile or broken workbook (a zip bomb, a sheet claiming a million columns) from exhausting the machine.</summary>
/// <remarks>Defaults: 256 MiB uncompressed, 1,048,576 rows (Excel's own maximum), 1,000 columns. Set per pipeline in <c>source.limits</c>.</remarks>
public sealed record WorkbookLimits
{
    public static WorkbookLimits Default => new();

    /// <summary>The largest total uncompressed size of the workbook's parts, in bytes.</summary>
    public long MaxUncompressedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most rows read from the sheet, header and empty rows included.</summary>
    public long MaxRows { get; set; } = 1_048_576;

    /// <summary>The most columns a row may have.</summary>
    public int MaxColumns { get; set; } = 1_000;
}
