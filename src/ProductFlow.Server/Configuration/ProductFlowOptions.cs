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

    public StoreSettings Store { get; set; } = new();

    public ExportsSettings Exports { get; set; } = new();

    public BlobSettings Blob { get; set; } = new();

    public EventsSettings Events { get; set; } = new();

    public PartnerApiSettings PartnerApi { get; set; } = new();
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
