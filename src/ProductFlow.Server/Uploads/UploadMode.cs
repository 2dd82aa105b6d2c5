namespace ProductFlow.Server.Uploads;

/// <summary>What a feed handed to the service is run as.</summary>
public enum UploadMode
{
    /// <summary>A run of the pipeline, as its definition says (stored, and published when it publishes on run).</summary>
    Run,

    /// <summary>A validation: the feed is read, mapped and checked, and its report written; nothing is stored or published, and no run is recorded.</summary>
    Validate,

    /// <summary>A replay file of corrected quarantined rows (<see cref="Connectors.Replay.ReplayFile"/>): a partial run that removes nothing.</summary>
    Replay,
}
