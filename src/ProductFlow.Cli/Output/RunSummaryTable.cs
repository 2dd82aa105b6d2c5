using System.Globalization;
using ProductFlow.Reports;
using ProductFlow.Store;
using Spectre.Console;

namespace ProductFlow.Cli.Output;

/// <summary>The run summary as a coloured table (Spectre.Console), for a terminal; pipes and files get the plain text of <see cref="RunResultWriter"/>.</summary>
internal static class RunSummaryTable
{
    public static void Write(QualityReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        var run = report.Run;
        var counts = run.Counts;
        var status = run.Status switch
        {
            RunStatus.Completed => "[green]completed[/]",
            RunStatus.Failed => "[red]failed[/]",
            _ => "[yellow]running[/]",
        };
        var table = new Table().Border(TableBorder.Rounded).HideHeaders()
            .Title($"{report.Mode} [bold]{Markup.Escape(run.Pipeline)}[/] {Markup.Escape(run.Id)} {status}")
            .AddColumn("")
            .AddColumn(new TableColumn("").RightAligned())
            .AddColumn("");
        table.AddRow("read", Number(counts.Read), "");
        table.AddRow("[green]accepted[/]", Number(counts.Accepted), Markup.Escape($"{counts.Changed:N0} new or changed"));
        table.AddRow(counts.Rejected > 0 ? "[red]rejected[/]" : "rejected", Number(counts.Rejected), "quarantined, see rejected.csv");
        table.AddRow(counts.Warnings > 0 ? "[yellow]warnings[/]" : "warnings", Number(counts.Warnings), "");
        if (counts.Skipped > 0)
        {
            table.AddRow("skipped", Number(counts.Skipped), "empty rows");
        }

        foreach (var (rule, count) in report.IssuesByRule.OrderByDescending(r => r.Value))
        {
            table.AddRow("issue", Number(count), Markup.Escape(rule));
        }

        foreach (var publication in report.Publications)
        {
            table.AddRow("[blue]published[/]", Number(publication.Records), Markup.Escape(RunResultWriter.Describe(publication)));
        }

        if (report.Failure is { } failure)
        {
            table.AddRow("[red]failed[/]", "", Markup.Escape(failure.Message));
        }

        if (report.EmailTo is { } to)
        {
            table.AddRow("email", "", Markup.Escape("rejected rows sent to " + to));
        }

        if (report.EmailError is { } emailError)
        {
            table.AddRow("[yellow]email[/]", "", Markup.Escape(emailError));
        }

        table.AddRow("report", "", Markup.Escape(Path.Combine(report.Folder, HtmlReportWriter.FileName)));
        console.Write(table);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
