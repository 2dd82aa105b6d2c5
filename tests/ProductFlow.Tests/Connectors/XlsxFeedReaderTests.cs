using System.IO.Compression;
using MiniExcelLibs;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Xlsx;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

public class XlsxFeedReaderTests
{
    private static readonly List<Dictionary<string, object?>> Products =
    [
        new() { ["sku"] = "A", ["price"] = 12.5, ["stock"] = 3, ["launch"] = new DateTime(2025, 3, 1), ["updated"] = new DateTime(2025, 3, 1, 10, 30, 0), ["organic"] = true, ["note"] = null },
        new() { ["sku"] = "B", ["price"] = 0.1 + 0.2, ["stock"] = 4006381333009L, ["launch"] = null, ["updated"] = null, ["organic"] = false, ["note"] = "x" },
    ];

    private TempDirectory _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task Typed_cells_become_invariant_text()
    {
        var path = Workbook("feed.xlsx", Products);

        var rows = await new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["SKU", "price"] });

        Assert.That(rows[0].Header.Columns, Is.EqualTo(new[] { "sku", "price", "stock", "launch", "updated", "organic", "note" }));
        Assert.That(rows[0].Fields, Is.EqualTo(new[] { "A", "12.5", "3", "2025-03-01", "2025-03-01T10:30:00", "true", "" }));
        Assert.That(rows[1].Fields, Is.EqualTo(new[] { "B", "0.3", "4006381333009", "", "", "false", "x" }));
        Assert.That(rows.Select(r => (r.Line, r.Location)), Is.EqualTo(new[] { (2L, "Sheet1!2"), (3L, "Sheet1!3") }));
    }

    [Test]
    public async Task A_named_sheet_and_header_row_are_read()
    {
        var path = _dir.Combine("multi.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Cover"] = new[] { new Dictionary<string, object?> { ["title"] = "Price list" } },
            ["Products"] = new[]
            {
                new Dictionary<string, object?> { ["Supplier list"] = "2025" },
                new Dictionary<string, object?> { ["Supplier list"] = "sku" },
                new Dictionary<string, object?> { ["Supplier list"] = "A" },
            },
        };
        MiniExcel.SaveAs(path, sheets);

        var rows = await new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { Sheet = "products", HeaderRow = 3, RequiredColumns = ["sku"] });

        Assert.That(rows.Select(r => (r.Line, r[0])), Is.EqualTo(new[] { (4L, "A") }));
    }

    [Test]
    public async Task A_missing_sheet_fails_naming_the_sheets_there_are()
    {
        var path = Workbook("feed.xlsx", Products);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { Sheet = "Prices" }));

        Assert.That(error!.Message, Does.Contain("no sheet 'Prices'").And.Contain("Sheet1"));
    }

    [Test]
    public async Task A_missing_mapped_column_fails_naming_what_was_found()
    {
        var path = Workbook("feed.xlsx", Products);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { RequiredColumns = ["gtin"] }));

        Assert.That(error!.Message, Does.Contain("'gtin' missing").And.Contain("found: sku, price"));
        Assert.That(error.Line, Is.EqualTo(1));
    }

    [Test]
    public async Task A_truncated_workbook_fails_the_feed()
    {
        var bytes = await File.ReadAllBytesAsync(Workbook("whole.xlsx", Products));
        var path = _dir.Combine("feed.xlsx");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length * 2 / 3)]);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Message, Does.Contain("feed.xlsx").And.Contain("corrupt or truncated"));
    }

    [Test]
    public async Task A_workbook_with_broken_sheet_xml_fails_the_feed()
    {
        var path = Workbook("feed.xlsx", Products);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            await writer.WriteAsync("<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"str\"><x:v>sku</x:v>");
        }

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Message, Does.Contain("cannot be read"));
    }

    [Test]
    public async Task An_encrypted_workbook_fails_with_a_hint()
    {
        var path = _dir.Combine("feed.xlsx");
        await File.WriteAllBytesAsync(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Message, Does.Contain("password-protected"));
        Assert.That(error.Hint, Does.Contain("unprotected .xlsx"));
    }

    [Test]
    public async Task A_csv_file_read_as_xlsx_fails_the_feed()
    {
        var path = _dir.File("feed.xlsx", "sku,name\nA,b\n");

        var error = await Assert.ThrowsAsync<FeedReadException>(() => new XlsxFeedReader().ReadAllAsync(new FeedSource(path)));

        Assert.That(error!.Message, Does.Contain("not an .xlsx workbook"));
    }

    [Test]
    public async Task The_uncompressed_size_limit_stops_a_zip_bomb_before_parsing()
    {
        var path = Workbook("feed.xlsx", Products);

        var error = await Assert.ThrowsAsync<FeedReadException>(
            () => new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { Limits = new WorkbookLimits { MaxUncompressedBytes = 1000 } }));

        Assert.That(error!.Message, Does.Contain("more than the limit of 1000"));
    }

    [Test]
    public async Task The_row_and_column_limits_fail_the_feed()
    {
        var path = Workbook("feed.xlsx", Products);

        var rows = await Assert.ThrowsAsync<FeedReadException>(
            () => new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { Limits = new WorkbookLimits { MaxRows = 2 } }));
        var columns = await Assert.ThrowsAsync<FeedReadException>(
            () => new XlsxFeedReader().ReadAllAsync(new FeedSource(path) { Limits = new WorkbookLimits { MaxColumns = 5 } }));

        Assert.That(rows!.Message, Does.Contain("more than 2 rows"));
        Assert.That(columns!.Message, Does.Contain("7 columns, more than 5"));
    }

    private string Workbook(string name, object rows)
    {
        var path = _dir.Combine(name);
        MiniExcel.SaveAs(path, rows);
        return path;
    }
}
