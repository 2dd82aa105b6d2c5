
namespace ProductFlow.Catalog;

/// <summary>When a channel (or a pipeline with <c>"publish": "scheduled"</c>) is published unattended: a cron expression in an IANA time zone.</summary>
/// <remarks>Five fields (minute hour day month weekday), or six with seconds first; Hangfire runs it in service mode. Daylight saving is the
/// zone's: <c>0 2 * * *</c> in <c>Europe/Oslo</c> runs at 02:00 Oslo time all year.</remarks>
public sealed class ScheduleOptions
{
    public required string Cron { get; init; }

    /// <summary>An IANA time zone id, such as <c>Europe/Oslo</c>. Default <c>UTC</c>.</summary>
    public string TimeZone { get; init; } = "UTC";
}
