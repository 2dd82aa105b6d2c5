namespace ProductFlow.Scheduling;

/// <summary>What a schedule runs.</summary>
public enum ScheduleKind
{
    /// <summary>Publishes one channel of a catalog (its <c>schedule</c>).</summary>
    Channel,

    /// <summary>Publishes the channels of a pipeline with <c>"publish": "scheduled"</c> (its <c>schedule</c>).</summary>
    Pipeline,
}
