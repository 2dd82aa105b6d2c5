using Microsoft.Extensions.Options;
using ProductFlow.Catalog;
using ProductFlow.Pipelines;
using ProductFlow.Scheduling;

namespace ProductFlow.Server.Configuration;

/// <summary>Checks the <c>ProductFlow</c> section at start-up: every problem, each naming its key, so a bad setting stops the host at once.</summary>
internal sealed class ProductFlowOptionsValidator(HostMode mode) : IValidateOptions<ProductFlowOptions>
{
    public ValidateOptionsResult Validate(string? name, ProductFlowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            problems.Add("ProductFlow:DataDirectory is empty");
        }

        if (mode == HostMode.Service)
        {
            if (string.IsNullOrWhiteSpace(options.Store.ConnectionString))
            {
                problems.Add("ProductFlow:Store:ConnectionString is required without --embedded (the PostgreSQL store)");
            }

            if (string.IsNullOrWhiteSpace(options.Exports.Folder) && string.IsNullOrWhiteSpace(options.Blob.ConnectionString))
            {
                problems.Add("ProductFlow:Blob:ConnectionString is required without --embedded (or set ProductFlow:Exports:Folder)");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Exports.Container))
        {
            problems.Add("ProductFlow:Exports:Container is empty");
        }

        if (options.Events.Endpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("https" or "http"))
            {
                problems.Add("ProductFlow:Events:Endpoint is not an absolute http(s) URL");
            }

            if (string.IsNullOrEmpty(options.Events.Key))
            {
                problems.Add("ProductFlow:Events:Key is required with ProductFlow:Events:Endpoint");
            }
        }

        if (options.Events.SendInterval <= TimeSpan.Zero)
        {
            problems.Add("ProductFlow:Events:SendInterval must be positive");
        }

        if (options.PartnerApi.PermitLimit <= 0)
        {
            problems.Add("ProductFlow:PartnerApi:PermitLimit must be positive");
        }

        if (options.PartnerApi.Window <= TimeSpan.Zero)
        {
            problems.Add("ProductFlow:PartnerApi:Window must be positive");
        }

        Sftp(options.Inbox, problems);
        if (Cron(options.Inbox.Poll, "UTC") is { } poll)
        {
            problems.Add("ProductFlow:Inbox:Poll: " + poll);
        }

        var retention = options.Retention;
        if (Cron(retention.Schedule, retention.TimeZone) is { } schedule)
        {
            problems.Add("ProductFlow:Retention:Schedule: " + schedule);
        }

        foreach (var (key, age) in new[]
        {
            ("Reports", retention.Reports), ("ArchivedFeeds", retention.ArchivedFeeds), ("FailedFeeds", retention.FailedFeeds), ("ClosedQuarantine", retention.ClosedQuarantine),
        })
        {
            if (age <= TimeSpan.Zero)
            {
                problems.Add($"ProductFlow:Retention:{key} must be positive (an age such as 30.00:00:00 for 30 days)");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>An SFTP inbox names its user, one credential at least and the pinned host key; it is the only inbox.</summary>
    private static void Sftp(InboxSettings inbox, List<string> problems)
    {
        var sftp = inbox.Sftp;
        if (string.IsNullOrWhiteSpace(sftp.Host))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(inbox.Container))
        {
            problems.Add("ProductFlow:Inbox:Sftp:Host and ProductFlow:Inbox:Container exclude each other: the inbox is on the SFTP server or in the container");
        }

        if (string.IsNullOrWhiteSpace(sftp.Username))
        {
            problems.Add("ProductFlow:Inbox:Sftp:Username is required with ProductFlow:Inbox:Sftp:Host");
        }

        if (string.IsNullOrEmpty(sftp.Password) && string.IsNullOrEmpty(sftp.PrivateKey))
        {
            problems.Add("ProductFlow:Inbox:Sftp:PrivateKey or ProductFlow:Inbox:Sftp:Password is required with ProductFlow:Inbox:Sftp:Host");
        }

        if (string.IsNullOrWhiteSpace(sftp.HostKey))
        {
            problems.Add("ProductFlow:Inbox:Sftp:HostKey is required with ProductFlow:Inbox:Sftp:Host: the SHA256:… fingerprint of the server's host key (ssh-keyscan -p <port> <host> | ssh-keygen -lf -)");
        }
        else if (ProductFlow.Connectors.Sftp.HostKeyPin.Problem(sftp.HostKey) is { } problem)
        {
            problems.Add("ProductFlow:Inbox:Sftp:HostKey: " + problem);
        }

        if (sftp.Port is <= 0 or > 65535)
        {
            problems.Add("ProductFlow:Inbox:Sftp:Port must be a TCP port (1-65535)");
        }

        if (sftp.Timeout <= TimeSpan.Zero)
        {
            problems.Add("ProductFlow:Inbox:Sftp:Timeout must be positive");
        }
    }

    /// <summary>Why <paramref name="cron"/> in <paramref name="zone"/> is not a schedule Hangfire can run; null when it is.</summary>
    private static string? Cron(string? cron, string? zone)
    {
        if (string.IsNullOrWhiteSpace(cron) || string.IsNullOrWhiteSpace(zone))
        {
            return "a cron expression and a time zone are required";
        }

        CronSchedule.TryParse(new ScheduleOptions { Cron = cron, TimeZone = zone }, out var problem);
        return problem;
    }
}
