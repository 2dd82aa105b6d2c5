using System.Globalization;
using Microsoft.Extensions.Configuration;
using ProductFlow.Catalog;
using ProductFlow.PostgreSql;
using ProductFlow.Scheduling;
using ProductFlow.Server.Configuration;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Server.Diagnostics;

/// <summary>What <c>productflow doctor</c> checks of the service, from the configuration <c>serve</c> and <c>worker</c> read (without building
/// either host): the settings, the store, the exports and the inbox's Blob Storage, the Event Grid endpoint, Hangfire's storage, the schedules.</summary>
/// <remarks>Service mode when <c>ProductFlow:Store:ConnectionString</c> is set, else the settings of <c>serve --embedded</c>. It changes nothing
/// but what starting the host would (the data folder, the store's tables).</remarks>
public static class ServiceDoctor
{
    public static async Task<IReadOnlyList<DoctorCheck>> CheckAsync(string contentRoot, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var configuration = ProductFlowConfiguration.Build(contentRoot);
        var files = ProductFlowConfiguration.Files(contentRoot);
        if (!configuration.GetSection(ProductFlowOptions.Section).GetChildren().Any() && files.Count == 0)
        {
            return [new DoctorCheck(true, "service: not configured (no appsettings.json, no ProductFlow__* variables): serve --embedded runs on its defaults")];
        }

        var options = ProductFlowConfiguration.Bind(configuration);
        var mode = string.IsNullOrWhiteSpace(options.Store.ConnectionString) ? HostMode.Embedded : HostMode.Service;
        var checks = new List<DoctorCheck>();
        var sources = string.Join(", ", files.Append("environment"));
        var problems = new ProductFlowOptionsValidator(mode).Validate(null, options).Failures?.ToList() ?? [];
        checks.Add(problems.Count == 0
            ? new DoctorCheck(true, $"service settings: {(mode == HostMode.Service ? "PostgreSQL store (serve, worker)" : "no ProductFlow:Store:ConnectionString, so serve --embedded")}, from {sources}")
            : new DoctorCheck(false, $"service settings: {string.Join("; ", problems)}"));

        checks.Add(await StoreAsync(options, mode, cancellationToken).ConfigureAwait(false));
        checks.AddRange(await ServiceProbes.StorageAsync(options, mode, cancellationToken).ConfigureAwait(false));
        if (options.Events.Endpoint is { } endpoint)
        {
            checks.Add(await ServiceProbes.EventGridAsync(endpoint, options.Events.Key, cancellationToken).ConfigureAwait(false));
        }

        checks.Add(mode == HostMode.Service
            ? await ServiceProbes.HangfireAsync(options.Jobs.ConnectionString ?? options.Store.ConnectionString!, options.Jobs.Schema, cancellationToken).ConfigureAwait(false)
            : new DoctorCheck(true, "service jobs: Hangfire in memory (serve --embedded)"));
        checks.AddRange(Schedules(options, (time ?? TimeProvider.System).GetUtcNow()));
        return checks;
    }

    private static async Task<DoctorCheck> StoreAsync(ProductFlowOptions options, HostMode mode, CancellationToken cancellationToken)
    {
        try
        {
            if (mode == HostMode.Embedded)
            {
                var data = Path.GetFullPath(options.DataDirectory);
                await SqliteProductStore.Open(data).DisposeAsync().ConfigureAwait(false);
                return new DoctorCheck(true, $"service store: embedded SQLite in {data}");
            }

            await using var store = await PostgreSqlProductStore.OpenAsync(options.Store.ConnectionString!, cancellationToken).ConfigureAwait(false);
            return new DoctorCheck(true, $"service store: PostgreSQL at {store.Location}, reachable, schema up to date");
        }
        catch (ProductFlowException e)
        {
            return new DoctorCheck(false, "service store: " + e.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>Every schedule of the service's pipelines and the retention job, with its next run; or why the pipelines do not load.</summary>
    private static List<DoctorCheck> Schedules(ProductFlowOptions options, DateTimeOffset now)
    {
        var folder = Path.GetFullPath(options.Pipelines);
        IReadOnlyList<Schedule> schedules;
        try
        {
            schedules = ScheduleCatalog.Load(folder);
        }
        catch (ProductFlowException e)
        {
            return [new DoctorCheck(false, $"service schedules: {e.Message.ReplaceLineEndings(" ")}")];
        }

        var checks = schedules.Select(s => new DoctorCheck(true, $"service schedule {s.Id}: {s.When.Cron} {s.When.Zone.Id}, {Next(s.When, now)}")).ToList();
        if (checks.Count == 0)
        {
            checks.Add(new DoctorCheck(true, $"service schedules: none declared by the pipelines in {folder}"));
        }

        var retention = options.Retention;
        if (retention.Enabled && CronSchedule.TryParse(new ScheduleOptions { Cron = retention.Schedule, TimeZone = retention.TimeZone }, out _) is { } when)
        {
            checks.Add(new DoctorCheck(true, $"service schedule retention: {when.Cron} {when.Zone.Id}, {Next(when, now)}"));
        }

        return checks;
    }

    private static string Next(CronSchedule when, DateTimeOffset now) =>
        when.Next(now) is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"next {TimeZoneInfo.ConvertTime(at, when.Zone):yyyy-MM-dd HH:mm} ({at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)")
            : "never again";
}
