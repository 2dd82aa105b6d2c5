using System.Globalization;
using System.Text;
using System.Xml;

namespace ProductFlow.Connectors.Xlsx;

/// <summary>Streams the rows of one worksheet part, one row in memory, each cell as the text <see cref="CellText"/> gives it.</summary>
/// <remarks>
/// Cells are typed as the sheet says: shared (<c>s</c>) and inline strings, formula strings (<c>str</c>), booleans (<c>b</c>),
/// errors (<c>e</c>, their text), ISO dates (<c>d</c>) and numbers, which are dates when their style formats them as dates
/// (<see cref="NumberFormats"/>). A cell's column comes from its reference (<c>C7</c>), else it follows the one before; a
/// row's number from its <c>r</c>, else it follows the one before. Formulas are not evaluated: their cached value is read.
/// </remarks>
internal sealed class SheetReader : IDisposable
{
    /// <summary>Excel's last column (XFD); a reference beyond it is a damaged sheet.</summary>
    private const int MaxColumn = 16_384;

    private readonly XmlReader _xml;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly object _row, _c, _v, _is, _sheetData;
    private string[] _cells = new string[32];
    private bool _done;

    public SheetReader(XmlReader xml, string[] sharedStrings, bool[] dateStyles)
    {
        _xml = xml;
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
        // Element names compared by reference: the reader's name table hands out one string per name.
        _row = xml.NameTable.Add("row");
        _c = xml.NameTable.Add("c");
        _v = xml.NameTable.Add("v");
        _is = xml.NameTable.Add("is");
        _sheetData = xml.NameTable.Add("sheetData");
    }

    /// <summary>The sheet row number of the current row (1-based).</summary>
    public long Row { get; private set; }

    /// <summary>One past the rightmost cell of the current row.</summary>
    public int Count { get; private set; }

    /// <summary>The text of column <paramref name="column"/> (0-based) of the current row; empty when the cell is absent.</summary>
    public string this[int column] => column < Count ? _cells[column] ?? "" : "";

    /// <summary>Moves to the next row of the sheet; false after the last.</summary>
    public bool Read()
    {
        Array.Clear(_cells, 0, Count);
        Count = 0;
        while (!_done && _xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.Element && ReferenceEquals(_xml.LocalName, _row))
            {
                Row = long.TryParse(_xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : Row + 1;
                if (!_xml.IsEmptyElement)
                {
                    ReadCells();
                }

                return true;
            }

            if (_xml.NodeType == XmlNodeType.EndElement && ReferenceEquals(_xml.LocalName, _sheetData))
            {
                _done = true;
            }
        }

        return false;
    }

    public void Dispose() => _xml.Dispose();

    /// <summary>The text of a string item (<c>si</c>, <c>is</c>): its <c>t</c>, or its rich-text runs' <c>t</c> joined, phonetic runs left out. Leaves the reader after the item.</summary>
    internal static string ReadText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        string? first = null;
        StringBuilder? more = null;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var text = xml.ReadElementContentAsString();
                if (first is null)
                {
                    first = text;
                }
                else
                {
                    (more ??= new StringBuilder(first)).Append(text);
                }

                continue;
            }

            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
                continue;
            }

            if (!xml.Read())
            {
                throw new XmlException("the workbook ends inside a string");
            }
        }

        xml.Read();
        return more?.ToString() ?? first ?? "";
    }

    private void ReadCells()
    {
        var column = -1;
        _xml.Read();
        while (!(_xml.NodeType == XmlNodeType.EndElement && ReferenceEquals(_xml.LocalName, _row)))
        {
            if (_xml.NodeType == XmlNodeType.Element && ReferenceEquals(_xml.LocalName, _c))
            {
                column = ColumnOf(_xml.GetAttribute("r"), column + 1);
                var text = ReadCell();
                if (text.Length > 0)
                {
                    if (column >= _cells.Length)
                    {
                        Array.Resize(ref _cells, Math.Max(column + 1, _cells.Length * 2));
                    }

                    _cells[column] = text;
                }

                Count = Math.Max(Count, column + 1);
                continue;
            }

            if (_xml.NodeType == XmlNodeType.Element)
            {
                _xml.Skip();
                continue;
            }

            if (!_xml.Read())
            {
                throw new XmlException($"the sheet ends inside row {Row}");
            }
        }
    }

    /// <summary>Reads the cell the reader is on, leaving it after the cell.</summary>
    private string ReadCell()
    {
        var type = _xml.GetAttribute("t");
        var style = int.TryParse(_xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return "";
        }

        string? value = null;
        string? inline = null;
        _xml.Read();
        while (!(_xml.NodeType == XmlNodeType.EndElement && ReferenceEquals(_xml.LocalName, _c)))
        {
            if (_xml.NodeType == XmlNodeType.Element)
            {
                if (ReferenceEquals(_xml.LocalName, _v))
                {
                    value = _xml.ReadElementContentAsString();
                }
                else if (ReferenceEquals(_xml.LocalName, _is))
                {
                    inline = ReadText(_xml);
                }
                else
                {
                    _xml.Skip();
                }

                continue;
            }

            if (!_xml.Read())
            {
                throw new XmlException($"the sheet ends inside a cell of row {Row}");
            }
        }

        _xml.Read();
        return Text(type, style, value, inline);
    }

    private string Text(string? type, int style, string? value, string? inline) => type switch
    {
        "s" when value is not null => _sharedStrings[int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)],
        "inlineStr" => inline ?? value ?? "",
        "b" => value is null ? "" : CellText.Of(value.Trim() == "1"),
        "d" when value is not null => CellText.Of(DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
        null or "n" when value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
            style < _dateStyles.Length && _dateStyles[style] ? CellText.Of(DateTime.FromOADate(number)) : CellText.Of(number),
        _ => value ?? inline ?? "",
    };

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>; <paramref name="next"/> when the cell has none.</summary>
    private static int ColumnOf(string? reference, int next)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return next;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > MaxColumn)
            {
                throw new FormatException($"cell reference '{reference}' is beyond Excel's last column");
            }
        }

        return i == 0 ? throw new FormatException($"'{reference}' is not a cell reference") : column - 1;
    }
}
