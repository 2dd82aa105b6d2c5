using ProductFlow.Cli.Output;
using ProductFlow.Model;
using ProductFlow.Tests.Reports;
using ProductFlow.Tests.Support;
using Spectre.Console;

namespace ProductFlow.Tests.Cli;

public class RunSummaryTableTests
{
    [Test]
    public void The_summary_table_shows_every_count_and_prints_values_as_text_not_markup()
    {
        using var dir = new TempDirectory();
        var report = SomeReport.Create(dir.Path, "20261124T120000Z-abc123", SomeReport.Noon, pipeline: "[red]demo[/]",
            issues: new Issue(Severity.Error, "gtin.check-digit", "bad") { Sku = "A" });
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });

        RunSummaryTable.Write(report, console);

        Assert.That(output.ToString(), Does.Contain("accepted").And.Contain("rejected").And.Contain("gtin.check-digit").And.Contain("report.html"));
        Assert.That(output.ToString(), Does.Contain("[red]demo[/]"), "a pipeline name is printed as it is, never read as markup");
    }
}
