using ProductFlow.Catalog;

namespace ProductFlow.Scheduling;

/// <summary>One unattended publication: its id (<c>channel:&lt;code&gt;</c> or <c>pipeline:&lt;name&gt;</c>), what it publishes, and when.</summary>
/// <param name="Id">Stable across restarts: the recurring job's id in service mode.</param>
/// <param name="Kind">A channel's schedule or a pipeline's.</param>
/// <param name="Pipeline">The pipeline file whose catalog (and, for a pipeline schedule, whose channels) it publishes.</param>
/// <param name="Channels">The channel codes it publishes.</param>
/// <param name="When">Its cron expression and time zone.</param>
public sealed record Schedule(string Id, ScheduleKind Kind, string Pipeline, IReadOnlyList<string> Channels, CronSchedule When);
