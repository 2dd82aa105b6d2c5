using System.Globalization;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ProductFlow.Pipelines;
using ProductFlow.Reports;

namespace ProductFlow.Notifications;

/// <summary>Tells a supplier how their feed went: one email per run with rejections, the run summary in the body and <c>rejected.csv</c> attached.</summary>
/// <remarks>
/// Sent after the report is written, through the SMTP server of <see cref="SmtpOptions"/> (MailKit). A run without rejections sends
/// nothing, nor does a failed run (nothing was read to the end) or a validation. A delivery that fails is a warning: the run stays
/// completed, and <see cref="QualityReport.EmailError"/> says why, as for events.
/// </remarks>
public sealed class SupplierMail(SmtpOptions options)
{
    /// <summary>Sends the run's email to <paramref name="supplier"/> when the run rejected rows; returns why it failed, or null (sent, or nothing to send).</summary>
    public async Task<string?> SendAsync(QualityReport report, SupplierContact supplier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(supplier);
        var rejected = Path.Combine(report.Folder, RejectedLog.FileName);
        if (report.Mode == "validate" || report.Run.Status != Store.RunStatus.Completed || report.Run.Counts.Rejected == 0 || !File.Exists(rejected))
        {
            return null;
        }

        try
        {
            using var message = Compose(report, supplier, rejected);
            using var client = new SmtpClient { Timeout = 30_000 };
            await client.ConnectAsync(options.Host, options.Port, Security(options.Security), cancellationToken).ConfigureAwait(false);
            if (options.Username is { } user)
            {
                await client.AuthenticateAsync(user, options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            report.EmailTo = supplier.Email;
            return null;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or AuthenticationException or SslHandshakeException or ParseException)
        {
            return $"the email to {supplier.Email} was not sent: {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    private MimeMessage Compose(QualityReport report, SupplierContact supplier, string rejected)
    {
        var run = report.Run;
        var counts = run.Counts;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(supplier.Name ?? run.Pipeline, supplier.Email));
        message.Subject = string.Create(CultureInfo.InvariantCulture, $"{run.Pipeline}: {counts.Rejected} of {counts.Read} rows of {run.Feed.Name} were rejected");
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {supplier.Name ?? run.Pipeline},\n\n")
            .Append(CultureInfo.InvariantCulture, $"we read your file {run.Feed.Name} (run {run.Id}): {counts.Read} rows, {counts.Accepted} accepted, {counts.Rejected} rejected.\n\n")
            .Append("The rejected rows are attached as rejected.csv, in your own columns, with what is wrong in the pf_rule, pf_column and pf_message columns:\n\n");
        foreach (var (rule, count) in report.IssuesByRule.OrderByDescending(r => r.Value))
        {
            body.Append(CultureInfo.InvariantCulture, $"  {count,6}  {rule}\n");
        }

        body.Append("\nPlease correct these rows and send them back: the attached file itself will do (the pf_ columns are ignored).\n");
        var builder = new BodyBuilder { TextBody = body.ToString() };
        builder.Attachments.Add(RejectedLog.FileName, File.ReadAllBytes(rejected), new ContentType("text", "csv"));
        message.Body = builder.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Security(string security) => security switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
