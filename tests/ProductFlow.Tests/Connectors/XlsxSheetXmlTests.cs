using System.IO.Compression;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Xlsx;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

/// <summary>The XLSX reader on hand-written sheet XML: what Excel and other writers put in workbooks that MiniExcel (which the tests use to write workbooks) does not.</summary>
public class XlsxSheetXmlTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private TempDirectory _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task Shared_rich_and_inline_strings_are_read_as_their_text()
    {
        var path = Workbook(
            """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>note</t></is></c></row>"""
            + """<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve">line </t></r></is></c></row>""",
            sharedStrings: """<si><t>sku</t></si><si><t>name</t></si><si><t>A-1</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>phonetic</t></rPh></si>""");

        var rows = await new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku"] });

        Assert.That(rows.Single().Header.Columns, Is.EqualTo(new[] { "sku", "name", "note" }));
        Assert.That(rows.Single().Fields, Is.EqualTo(new[] { "A-1", "Rich text", "inline " }));
    }

    [Test]
    public async Task Numbers_in_a_date_style_are_dates_and_other_types_keep_their_text()
    {
        var path = Workbook(
            """<row r="1"><c r="A1" t="str"><v>sku</v></c><c r="B1" t="str"><v>day</v></c><c r="C1" t="str"><v>custom</v></c><c r="D1" t="str"><v>plain</v></c><c r="E1" t="str"><v>flag</v></c><c r="F1" t="str"><v>error</v></c><c r="G1" t="str"><v>iso</v></c></row>"""
            + """<row r="2"><c r="A2" t="str"><v>A</v></c><c r="B2" s="1"><v>45717</v></c><c r="C2" s="2"><v>45717.4375</v></c><c r="D2" s="3"><v>45717.5</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="e"><v>#N/A</v></c><c r="G2" t="d"><v>2025-03-01T10:30:00</v></c></row>""",
            styles: """<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;day &quot;0.0"/></numFmts>"""
                + """<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>""");

        var rows = await new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku"] });

        Assert.That(rows.Single().Fields, Is.EqualTo(new[] { "A", "2025-03-01", "2025-03-01T10:30:00", "45717.5", "true", "#N/A", "2025-03-01T10:30:00" }));
    }

    [Test]
    public async Task Cells_and_rows_the_sheet_leaves_out_are_empty_and_rows_keep_their_sheet_number()
    {
        var path = Workbook(
            """<row r="1"><c r="A1" t="str"><v>sku</v></c><c r="C1" t="str"><v>price</v></c></row>"""
            + """<row r="4"><c r="C4"><v>9.5</v></c><c r="A4" t="str"><v>B</v></c></row>"""
            + """<row><c t="str"><v>C</v></c><c/><c><v>1</v></c></row>""");

        var rows = await new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["sku"] });

        Assert.That(rows.Select(r => (r.Line, string.Join("|", r.Fields))), Is.EqualTo(new[] { (4L, "B||9.5"), (5L, "C||1") }));
        Assert.That(rows[0].Header.Columns, Is.EqualTo(new[] { "sku", "", "price" }));
    }

    [Test]
    public async Task A_header_row_the_sheet_leaves_out_is_an_empty_header()
    {
        var path = Workbook("""<row r="3"><c r="A3" t="str"><v>sku</v></c></row>""");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { HeaderRow = 2 }));

        Assert.That(error!.Message, Does.Contain("the header row is empty"));
    }

    [Test]
    public async Task A_cell_pointing_past_the_shared_strings_fails_the_feed()
    {
        var path = Workbook("""<row r="1"><c r="A1" t="s"><v>7</v></c></row>""", sharedStrings: "<si><t>sku</t></si>");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Message, Does.Contain("cannot be read"));
    }

    /// <summary>A one-sheet workbook with the given <c>sheetData</c> rows, shared strings and styles, its relationships relative as Excel writes them.</summary>
    private string Workbook(string rows, string? sharedStrings = null, string? styles = null)
    {
        var path = _dir.Combine("feed.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + xml);
        }

        Part("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feed" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Part("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><dimension ref="A1:G9"/><sheetData>{rows}</sheetData></worksheet>""");
        if (sharedStrings is not null)
        {
            Part("xl/sharedStrings.xml", $"""<sst xmlns="{Main}">{sharedStrings}</sst>""");
        }

        if (styles is not null)
        {
            Part("xl/styles.xml", $"""<styleSheet xmlns="{Main}">{styles}</styleSheet>""");
        }

        return path;
    }
}
