using ProductFlow.Server.Configuration;

namespace ProductFlow.Tests.Server;

/// <summary>The host's settings checked at start-up: every problem listed at once, each naming its key.</summary>
public class ProductFlowOptionsValidatorTests
{
    private static List<string> Problems(ProductFlowOptions options) =>
        new ProductFlowOptionsValidator(HostMode.Embedded).Validate(null, options).Failures?.ToList() ?? [];

    [Test]
    public void The_defaults_are_valid_and_keep_reports_90_days_archived_feeds_30_failed_feeds_90_and_closed_quarantine_180()
    {
        var options = new ProductFlowOptions();

        Assert.That(Problems(options), Is.Empty);
        var retention = options.Retention;
        Assert.That((retention.Enabled, retention.Schedule, retention.TimeZone), Is.EqualTo((true, "30 3 * * *", "UTC")));
        Assert.That(
            new[] { retention.Reports, retention.ArchivedFeeds, retention.FailedFeeds, retention.ClosedQuarantine }.Select(t => t.TotalDays),
            Is.EqualTo(new[] { 90.0, 30, 90, 180 }));
    }

    [Test]
    public void Bad_retention_settings_and_an_inbox_poll_that_is_not_cron_are_each_named()
    {
        var options = new ProductFlowOptions();
        options.Inbox.Poll = "every minute";
        options.Retention.Schedule = "0 25 * * *";
        options.Retention.ArchivedFeeds = TimeSpan.Zero;
        options.Retention.ClosedQuarantine = TimeSpan.FromDays(-1);

        var problems = Problems(options);

        Assert.That(problems, Has.Count.EqualTo(4));
        Assert.That(problems[0], Does.StartWith("ProductFlow:Inbox:Poll: 'every minute' is not a cron expression"));
        Assert.That(problems[1], Does.StartWith("ProductFlow:Retention:Schedule: '0 25 * * *' is not a cron expression"));
        Assert.That(problems[2], Does.StartWith("ProductFlow:Retention:ArchivedFeeds must be positive"));
        Assert.That(problems[3], Does.StartWith("ProductFlow:Retention:ClosedQuarantine must be positive"));
    }

    [Test]
    public void A_retention_time_zone_that_does_not_exist_is_named()
    {
        var options = new ProductFlowOptions();
        options.Retention.TimeZone = "Europe/Atlantis";

        Assert.That(Problems(options), Is.EqualTo(new[] { "ProductFlow:Retention:Schedule: 'Europe/Atlantis' is not a time zone (use an IANA id such as 'Europe/Oslo' or 'UTC')" }));
    }

    [Test]
    public void An_sftp_inbox_names_its_user_a_credential_and_the_pinned_host_key()
    {
        var options = new ProductFlowOptions();
        options.Inbox.Sftp.Host = "sftp.example.com";
        options.Inbox.Container = "inbox";
        options.Inbox.Sftp.Port = 0;

        var problems = Problems(options);

        Assert.That(problems, Is.EqualTo(new[]
        {
            "ProductFlow:Inbox:Sftp:Host and ProductFlow:Inbox:Container exclude each other: the inbox is on the SFTP server or in the container",
            "ProductFlow:Inbox:Sftp:Username is required with ProductFlow:Inbox:Sftp:Host",
            "ProductFlow:Inbox:Sftp:PrivateKey or ProductFlow:Inbox:Sftp:Password is required with ProductFlow:Inbox:Sftp:Host",
            "ProductFlow:Inbox:Sftp:HostKey is required with ProductFlow:Inbox:Sftp:Host: the SHA256:… fingerprint of the server's host key (ssh-keyscan -p <port> <host> | ssh-keygen -lf -)",
            "ProductFlow:Inbox:Sftp:Port must be a TCP port (1-65535)",
        }));
    }

    [Test]
    public void A_complete_sftp_inbox_is_valid_and_a_malformed_fingerprint_is_named()
    {
        var options = new ProductFlowOptions();
        options.Inbox.Sftp.Host = "sftp.example.com";
        options.Inbox.Sftp.Username = "productflow";
        options.Inbox.Sftp.PrivateKey = "/run/secrets/sftp_key";
        options.Inbox.Sftp.HostKey = "SHA256:RImhhZmr4pdokzaC+IXSX032LlmVMBBhNYe4Dy5uqDg";

        Assert.That(Problems(options), Is.Empty);
        Assert.That(options.Inbox.Sftp.Endpoint().ToString(), Is.EqualTo("sftp://productflow@sftp.example.com:22"));

        options.Inbox.Sftp.HostKey = "MD5:97:70";
        Assert.That(Problems(options), Is.EqualTo(new[] { "ProductFlow:Inbox:Sftp:HostKey: 'MD5:97:70' is not a SHA-256 host key fingerprint (SHA256: and 43 base64 characters, as ssh-keygen -lf prints it)" }));
    }
}
