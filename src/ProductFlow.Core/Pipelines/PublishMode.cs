using System.Text.Json.Serialization;

namespace ProductFlow.Pipelines;

/// <summary>When a pipeline's channels are published.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PublishMode>))]
public enum PublishMode
{
    /// <summary>Every <c>run</c> publishes the channels it feeds.</summary>
    [JsonStringEnumMemberName("onRun")]
    OnRun,

    /// <summary>Runs only store; publication is left to the schedule or <c>productflow publish</c>.</summary>
    [JsonStringEnumMemberName("scheduled")]
    Scheduled,
}
