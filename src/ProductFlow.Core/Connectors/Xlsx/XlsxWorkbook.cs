using System.IO.Compression;
using System.Xml;

namespace ProductFlow.Connectors.Xlsx;

/// <summary>An .xlsx workbook opened for streaming its sheets: the zip, the sheet names and parts, shared strings and date styles.</summary>
/// <remarks>
/// Shared strings are read whole (a sheet's cells point into them); a sheet's rows stream (<see cref="SheetReader"/>).
/// Part names are resolved through <c>xl/_rels/workbook.xml.rels</c>, absolute (<c>/xl/...</c>) or relative to <c>xl/</c>.
/// XML is read without DTDs (no entity expansion). Damaged parts throw <see cref="XmlException"/>, <see cref="InvalidDataException"/>
/// or <see cref="FormatException"/>, which the reader turns into a failed feed.
/// </remarks>
internal sealed class XlsxWorkbook : IDisposable
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly List<(string Name, string Part)> _sheets = [];
    private string[]? _sharedStrings;
    private bool[]? _dateStyles;
    private string? _sharedStringsPart;
    private string? _stylesPart;

    private XlsxWorkbook(ZipArchive zip) => _zip = zip;

    public IReadOnlyList<string> SheetNames => _sheets.ConvertAll(s => s.Name);

    public static XlsxWorkbook Open(string path)
    {
        var workbook = new XlsxWorkbook(ZipFile.OpenRead(path));
        try
        {
            workbook.ReadParts();
            return workbook;
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    /// <summary>The rows of sheet <paramref name="name"/> (a name of <see cref="SheetNames"/>).</summary>
    public SheetReader OpenSheet(string name)
    {
        var part = _sheets.Find(s => string.Equals(s.Name, name, StringComparison.Ordinal)).Part
            ?? throw new ArgumentException($"no sheet '{name}'", nameof(name));
        _sharedStrings ??= ReadSharedStrings();
        _dateStyles ??= ReadDateStyles();
        return new SheetReader(OpenXml(part) ?? throw new InvalidDataException($"the workbook has no part '{part}' for sheet '{name}'"), _sharedStrings, _dateStyles);
    }

    public void Dispose() => _zip.Dispose();

    private void ReadParts()
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var rels = OpenXml("xl/_rels/workbook.xml.rels"))
        {
            while (rels is not null && rels.Read())
            {
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") is { } id && rels.GetAttribute("Target") is { } target)
                {
                    var part = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    targets[id] = part;
                    var type = rels.GetAttribute("Type") ?? "";
                    if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
                    {
                        _sharedStringsPart = part;
                    }
                    else if (type.EndsWith("/styles", StringComparison.Ordinal))
                    {
                        _stylesPart = part;
                    }
                }
            }
        }

        using var workbook = OpenXml("xl/workbook.xml") ?? throw new InvalidDataException("the workbook has no xl/workbook.xml");
        var number = 0;
        while (workbook.Read())
        {
            if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet")
            {
                number++;
                var id = workbook.GetAttribute("id", Relationships);
                var part = id is not null && targets.TryGetValue(id, out var target) ? target : $"xl/worksheets/sheet{number}.xml";
                _sheets.Add((workbook.GetAttribute("name") ?? $"Sheet{number}", part));
            }
        }
    }

    private string[] ReadSharedStrings()
    {
        using var xml = OpenXml(_sharedStringsPart ?? "xl/sharedStrings.xml");
        if (xml is null)
        {
            return [];
        }

        var strings = new List<string>();
        var more = xml.Read();
        while (more)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(SheetReader.ReadText(xml)); // leaves the reader on what follows the item
                continue;
            }

            more = xml.Read();
        }

        return [.. strings];
    }

    /// <summary>For each cell style (<c>cellXfs</c> index), whether it formats numbers as dates (see <see cref="NumberFormats"/>).</summary>
    private bool[] ReadDateStyles()
    {
        using var xml = OpenXml(_stylesPart ?? "xl/styles.xml");
        if (xml is null)
        {
            return [];
        }

        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), out var id):
                    custom[id] = NumberFormats.IsDateFormat(xml.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), out var f) ? f : 0;
                    styles.Add(custom.TryGetValue(format, out var date) ? date : NumberFormats.IsBuiltInDate(format));
                    break;
            }
        }

        return [.. styles];
    }

    private XmlReader? OpenXml(string part)
    {
        var entry = _zip.GetEntry(part) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase));
        return entry is null ? null : XmlReader.Create(entry.Open(), Settings);
    }
}
