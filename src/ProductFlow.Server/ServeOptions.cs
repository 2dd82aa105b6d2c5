using ProductFlow.Server.Configuration;
using ProductFlow.Server.Logging;

namespace ProductFlow.Server;

/// <summary>What <c>productflow serve</c> was started with on its command line (configuration supplies the rest).</summary>
public sealed record ServeOptions
{
    public HostMode Mode { get; init; } = HostMode.Service;

    /// <summary>Where Kestrel listens; default <c>http://127.0.0.1:5080</c> (loopback: put a proxy or ingress in front to expose it).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Overrides <c>ProductFlow:DataDirectory</c>.</summary>
    public string? DataDirectory { get; init; }

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>The content root: where appsettings.json and appsettings.{Environment}.json are read; default the working directory.</summary>
    public string? ContentRoot { get; init; }
}
