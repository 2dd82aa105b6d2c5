using Cronos;

namespace ProductFlow.Catalog;

/// <summary>A parsed schedule: the cron expression (Cronos, as Hangfire reads it) and its time zone.</summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string cron, CronExpression expression, TimeZoneInfo zone)
    {
        Cron = cron;
        _expression = expression;
        Zone = zone;
    }

    public string Cron { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The next time after <paramref name="after"/>, or null when the expression never fires again.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _expression.GetNextOccurrence(after, Zone);

    /// <summary>Parses <paramref name="options"/>; on failure returns null and says why in <paramref name="problem"/>.</summary>
    public static CronSchedule? TryParse(ScheduleOptions options, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        problem = null;
        var fields = options.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(options.Cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            problem = $"'{options.Cron}' is not a cron expression: {e.Message.TrimEnd('.')} (five fields: minute hour day month weekday, e.g. '0 2 * * *')";
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone))
        {
            problem = $"'{options.TimeZone}' is not a time zone (use an IANA id such as 'Europe/Oslo' or 'UTC')";
            return null;
        }

        return new CronSchedule(options.Cron, expression, zone);
    }
}
