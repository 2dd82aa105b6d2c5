using ProductFlow.Catalog;
using ProductFlow.Pipelines;

namespace ProductFlow.Scheduling;

/// <summary>Every schedule the pipelines of a folder declare: each channel with a <c>schedule</c> in their catalogs, and each pipeline with
/// <c>"publish": "scheduled"</c> and a <c>schedule</c>.</summary>
/// <remarks>A channel is scheduled once even when several pipelines feed it (its catalog is read through the first of them, by file name).
/// Files that are not pipelines (a pipeline file is a JSON object with <c>name</c> and <c>source</c>) are skipped.</remarks>
public static class ScheduleCatalog
{
    public static IReadOnlyList<Schedule> Load(string pipelinesDirectory)
    {
        ArgumentNullException.ThrowIfNull(pipelinesDirectory);
        var schedules = new SortedDictionary<string, Schedule>(StringComparer.Ordinal);
        foreach (var pipeline in PipelineFiles.Load(pipelinesDirectory))
        {
            var (definition, catalog) = pipeline;
            if (definition.Publish == PublishMode.Scheduled && definition.Schedule is { } own)
            {
                schedules.TryAdd($"pipeline:{definition.Name}", new Schedule($"pipeline:{definition.Name}", ScheduleKind.Pipeline, definition.FilePath, definition.Channels, Parse(own)));
            }

            foreach (var channel in catalog.Channels.Where(c => c.Schedule is not null))
            {
                schedules.TryAdd($"channel:{channel.Code}", new Schedule($"channel:{channel.Code}", ScheduleKind.Channel, definition.FilePath, [channel.Code], Parse(channel.Schedule!)));
            }
        }

        return schedules.Values.ToList();
    }

    /// <summary>The loaders have checked every schedule already: a failure here is a bug, not bad input.</summary>
    private static CronSchedule Parse(ScheduleOptions options) =>
        CronSchedule.TryParse(options, out var problem) ?? throw new InvalidOperationException(problem);
}
