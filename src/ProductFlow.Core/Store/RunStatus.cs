using System.Text.Json.Serialization;

namespace ProductFlow.Store;

/// <summary>The state of a run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    /// <summary>Accepted by the service (an upload, a retry) and waiting for a worker; becomes <see cref="Running"/> when its job starts.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("completed")]
    Completed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
