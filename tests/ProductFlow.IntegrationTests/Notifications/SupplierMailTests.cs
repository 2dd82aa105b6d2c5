using ProductFlow.Notifications;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Notifications;

/// <summary>The supplier hears back: after a run with rejections, one email with the summary and rejected.csv, through a real SMTP server on 127.0.0.1.</summary>
[NonParallelizable]
[CancelAfter(60_000)]
public class SupplierMailTests
{
    [Test]
    public async Task A_run_with_rejections_sends_the_supplier_one_email_with_the_rejected_rows()
    {
        await using var smtp = SmtpTestServer.Start();
        using var dir = new TempDirectory();
        var pipeline = NordicPipeline(dir);

        var report = await Runner(dir, smtp.Port).RunAsync(Request(pipeline));

        Assert.That((report.Run.Counts.Rejected, report.EmailTo, report.EmailError), Is.EqualTo((2L, "data@nordicknit.example", (string?)null)));
        var message = smtp.Messages.Single();
        Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("data@nordicknit.example"));
        Assert.That(message.Subject, Is.EqualTo("nordic-knit: 2 of 7 rows of nordic-knit.csv were rejected"));
        Assert.That(message.TextBody, Does.Contain("7 rows, 5 accepted, 2 rejected").And.Contain("gtin.check-digit").And.Contain("required"));
        var attachment = (MimeKit.MimePart)message.Attachments.Single();
        Assert.That(attachment.FileName, Is.EqualTo("rejected.csv"));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.That(System.Text.Encoding.UTF8.GetString(content.ToArray()), Does.Contain("NK-1007;SKJERF LOFOTEN;Grønn;1.099,00;7000000001070"));
    }

    [Test]
    public async Task A_run_without_rejections_sends_nothing_and_a_server_that_is_down_is_a_warning()
    {
        await using var smtp = SmtpTestServer.Start();
        using var dir = new TempDirectory();
        var clean = dir.File("clean.csv", "Varenummer;Navn;Farge;Pris;EAN\r\nNK-1;Lue;Svart;10,00;7000000001017\r\n");
        var pipeline = NordicPipeline(dir);

        var quiet = await Runner(dir, smtp.Port).RunAsync(Request(pipeline) with { Input = clean });
        var down = await Runner(dir, port: 1).RunAsync(Request(pipeline));

        Assert.That(smtp.Messages, Is.Empty);
        Assert.That(quiet.EmailTo, Is.Null);
        Assert.That(down.Run.Status, Is.EqualTo(ProductFlow.Store.RunStatus.Completed), "the run stays completed");
        Assert.That(down.EmailError, Does.Contain("data@nordicknit.example"));
    }

    private static RunRequest Request(string pipeline) => new() { Pipeline = pipeline };

    private static PipelineRunner Runner(TempDirectory dir, int port) => new(RunServices.Embedded(dir.Combine("data")) with
    {
        SupplierMail = new SupplierMail(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "none", From = "productflow@retailer.example" }),
    });

    private static string NordicPipeline(TempDirectory dir)
    {
        File.Copy(TestPaths.InRepository("samples", "nordic-knit.csv"), dir.Combine("nordic-knit.csv"));
        var catalog = TestPaths.InRepository("src", "ProductFlow.Cli", "Scaffold", "catalog.json");
        dir.File("catalog.json", File.ReadAllText(catalog).Replace("{{locale}}", "nb_NO", StringComparison.Ordinal).Replace("{{currency}}", "NOK", StringComparison.Ordinal).Replace("\"schema\": \"channels/shop.schema.json\",", "", StringComparison.Ordinal));
        return dir.File("nordic-knit.json", """
            {
              "name": "nordic-knit", "catalog": "catalog.json",
              "source": { "path": "nordic-knit.csv", "delimiter": ";", "encoding": "windows-1252", "culture": "nb-NO" },
              "supplier": { "name": "Nordic Knit AS", "email": "data@nordicknit.example" },
              "mapping": { "sku": { "column": "Varenummer" }, "values": [
                { "column": "Navn", "attribute": "name", "locale": "nb_NO" }, { "column": "Farge", "attribute": "color" },
                { "column": "Pris", "attribute": "price", "currency": "NOK" }, { "column": "EAN", "attribute": "gtin" } ] },
              "rules": { "required": ["name", "price", "color"], "gtin": ["gtin"] },
              "channels": ["shop"]
            }
            """);
    }
}
