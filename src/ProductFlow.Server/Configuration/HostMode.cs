namespace ProductFlow.Server.Configuration;

/// <summary>What the host runs on: the laptop's local folder and SQLite (<c>--embedded</c>), or the configured servers.</summary>
public enum HostMode
{
    /// <summary>The configured PostgreSQL store and Blob Storage (or an exports folder).</summary>
    Service,

    /// <summary>The data folder only: the SQLite store and the exports in it; nothing else needed.</summary>
    Embedded,
}
