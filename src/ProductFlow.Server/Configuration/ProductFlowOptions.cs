namespace ProductFlow.Server.Configuration;

/// <summary>The <c>ProductFlow</c> section of the host's configuration (appsettings.json, appsettings.{Environment}.json,
/// environment variables such as <c>ProductFlow__Store__ConnectionString</c>).</summary>
/// <remarks>Secrets (connection strings, keys) come from configuration or the environment only, never from code, a command
/// line or a log. Every key is documented in docs/configuration.md.</remarks>
public sealed class ProductFlowOptions
{
    public const string Section = "ProductFlow";

    /// <summary>The data folder: reports, and with <c>--embedded</c> the SQLite store and the exports. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The folder of the pipeline files the service runs (by name) and schedules. Default <c>pipelines</c>.</summary>
    public string Pipelines { get; set; } = "pipelines";

    /// <summary>The operators' key (a secret): the runs API and the Hangfire dashboard. No key, no operator access.</summary>
    public string? AdminKey { get; set; }

    public StoreSettings Store { get; set; } = new();

    public ExportsSettings Exports { get; set; } = new();

    public BlobSettings Blob { get; set; } = new();

    public EventsSettings Events { get; set; } = new();

    public PartnerApiSettings PartnerApi { get; set; } = new();

    public InboxSettings Inbox { get; set; } = new();

    public UploadsSettings Uploads { get; set; } = new();

    public ReportsSettings Reports { get; set; } = new();

    public JobsSettings Jobs { get; set; } = new();

    public RetentionSettings Retention { get; set; } = new();
}

/// <summary><c>ProductFlow:Uploads</c>: feeds handed over HTTP (<c>POST /feeds/{pipeline}</c>, the console).</summary>
public sealed class UploadsSettings
{
    /// <summary>The most an uploaded feed may hold; past it the upload is refused (413) and nothing is kept. Default 2 GiB.</summary>
    public long MaxBytes { get; set; } = 2L << 30;
}

/// <summary><c>ProductFlow:Reports</c>: where runs' reports are kept for every node to serve.</summary>
public sealed class ReportsSettings
{
    /// <summary>The Blob Storage container of the reports in service mode (unless <c>ProductFlow:Exports:Folder</c> keeps everything local). Default <c>reports</c>.</summary>
    public string Container { get; set; } = "reports";
}

/// <summary><c>ProductFlow:Inbox</c>: where suppliers drop feeds for the service to pick up.</summary>
public sealed class InboxSettings
{
    /// <summary>A Blob Storage container of <c>ProductFlow:Blob:ConnectionString</c> as the inbox (<c>inbox/&lt;folder&gt;/</c> in it);
    /// default: none, the folder <c>&lt;data&gt;/inbox/&lt;folder&gt;/</c>.</summary>
    public string? Container { get; set; }

    /// <summary>An SFTP server as the inbox (<c>&lt;Root&gt;/inbox/&lt;folder&gt;/</c> on it), when its <c>Host</c> is set; default: none.</summary>
    public SftpInboxSettings Sftp { get; set; } = new();

    /// <summary>Which pipeline each inbox folder feeds: <c>ProductFlow:Inbox:Folders:&lt;folder&gt; = &lt;pipeline&gt;</c>. Default: every pipeline
    /// reads the folder of its own name.</summary>
    public Dictionary<string, string> Folders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A feed without a <c>&lt;name&gt;.done</c> marker is taken once unchanged this long. Default 30 seconds.</summary>
    public TimeSpan StableFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A claimed feed whose process has shown no life this long (it was killed) goes back to the inbox. Default 15 minutes.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often inboxes are looked at (cron, five fields or six with seconds). Default every minute.</summary>
    public string Poll { get; set; } = "* * * * *";
}

/// <summary><c>ProductFlow:Inbox:Sftp</c>: the SFTP server suppliers drop their feeds on (see <see cref="ProductFlow.Inbox.SftpInbox"/>).</summary>
/// <remarks>The password, the private key and its passphrase are secrets: from the environment (<c>ProductFlow__Inbox__Sftp__Password</c>)
/// or a secret store, never a file in the repository; they are never logged.</remarks>
public sealed class SftpInboxSettings
{
    /// <summary>The server's host name or address; none: no SFTP inbox.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port. Default 22.</summary>
    public int Port { get; set; } = 22;

    /// <summary>The user to log in as.</summary>
    public string? Username { get; set; }

    /// <summary>The password (a secret).</summary>
    public string? Password { get; set; }

    /// <summary>The private key (a secret): the path of a key file, or the key itself (OpenSSH, PEM or PuTTY).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The private key's passphrase (a secret).</summary>
    public string? PrivateKeyPassphrase { get; set; }

    /// <summary>The SHA-256 fingerprint of the server's host key (<c>SHA256:…</c>, as <c>ssh-keygen -lf</c> prints it); several separated by
    /// commas while the server changes keys. Required: a server presenting another key is refused.</summary>
    public string? HostKey { get; set; }

    /// <summary>The folder on the server holding <c>inbox/</c>, <c>processing/</c>, <c>archive/</c> and <c>failed/</c>; default: the login folder.</summary>
    public string Root { get; set; } = "";

    /// <summary>The timeout of connecting and of each SFTP request. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint these settings describe.</summary>
    public ProductFlow.Connectors.Sftp.SftpEndpoint Endpoint() =>
        new(Host!, Port, Username!)
        {
            Password = Password is { Length: > 0 } ? Password : null,
            PrivateKey = PrivateKey is { Length: > 0 } ? PrivateKey : null,
            Passphrase = PrivateKeyPassphrase is { Length: > 0 } ? PrivateKeyPassphrase : null,
            HostKey = ProductFlow.Connectors.Sftp.HostKeyPin.Parse(HostKey),
            Timeout = Timeout,
            CredentialsFrom = "ProductFlow:Inbox:Sftp:" + (PrivateKey is { Length: > 0 } ? "PrivateKey" : "Password"),
        };
}

/// <summary><c>ProductFlow:Jobs</c>: Hangfire, which runs ingestion and publication unattended.</summary>
public sealed class JobsSettings
{
    /// <summary>Hangfire's PostgreSQL database; default <c>ProductFlow:Store:ConnectionString</c> (its tables in their own schema).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema of Hangfire's tables. Default <c>hangfire</c>.</summary>
    public string Schema { get; set; } = "hangfire";

    /// <summary>Jobs a worker runs at once. Default: one per processor.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a stopping worker lets running jobs finish before it leaves them for Hangfire to requeue. Default 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a job may go without its worker's heartbeat before another worker takes it (sliding). Default 5 minutes.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle worker looks for a job. Default 5 seconds.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often schedules and retries are looked at. Default 15 seconds.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary><c>ProductFlow:Store</c>: the PostgreSQL product store of the service.</summary>
public sealed class StoreSettings
{
    /// <summary>An Npgsql connection string or a <c>postgresql://</c> URL; required without <c>--embedded</c>.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary><c>ProductFlow:Exports</c>: where channels are published and partners pull from.</summary>
public sealed class ExportsSettings
{
    /// <summary>A local folder for the exports instead of Blob Storage (a single-machine service); default: none.</summary>
    public string? Folder { get; set; }

    /// <summary>The Blob Storage container of the exports; default <c>exports</c>.</summary>
    public string Container { get; set; } = "exports";

    /// <summary>A folder inside the container; default: none (the container's root).</summary>
    public string? Prefix { get; set; }
}

/// <summary><c>ProductFlow:Blob</c>: the storage account.</summary>
public sealed class BlobSettings
{
    /// <summary>The storage account's connection string (a secret).</summary>
    public string? ConnectionString { get; set; }
}

/// <summary><c>ProductFlow:Events</c>: the Event Grid topic events are sent to; no endpoint, no events.</summary>
public sealed class EventsSettings
{
    /// <summary>The topic endpoint, e.g. <c>https://&lt;topic&gt;.&lt;region&gt;-1.eventgrid.azure.net/api/events</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The topic's access key (a secret); required with an endpoint.</summary>
    public string? Key { get; set; }

    /// <summary>How often the host looks for events to send; default 5 seconds.</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary><c>ProductFlow:PartnerApi</c>: limits of the partner API.</summary>
public sealed class PartnerApiSettings
{
    /// <summary>Requests a partner may make per <see cref="Window"/>; default 120.</summary>
    public int PermitLimit { get; set; } = 120;

    /// <summary>The rate limit's window; default one minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
