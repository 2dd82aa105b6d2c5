namespace ProductFlow.Azure.Events;

/// <summary>Where <see cref="EventGridEventPublisher"/> sends events and how hard it tries.</summary>
/// <remarks>Bind the endpoint and key from configuration or the environment (the CLI reads <c>PRODUCTFLOW_EVENTGRID_ENDPOINT</c>
/// and <c>PRODUCTFLOW_EVENTGRID_KEY</c>); the key is a secret and never belongs in a file or on a command line.</remarks>
public sealed class EventGridOptions
{
    /// <summary>The topic endpoint, e.g. <c>https://&lt;topic&gt;.&lt;region&gt;-1.eventgrid.azure.net/api/events</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The topic's access key, sent as the <c>aeg-sas-key</c> header.</summary>
    public string? Key { get; set; }

    /// <summary>Retries of one delivery after a transient failure (same event id); default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay, growing exponentially; default 0.8 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>How long one attempt may take; default 10 s.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
