using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Extensions;
using ProductFlow.Cli.Output;
using ProductFlow.Scheduling;

namespace ProductFlow.Cli.Commands;

/// <summary><c>schedules list</c> and <c>schedules trigger</c>: the unattended publications the pipelines declare, and running one now.</summary>
internal static class SchedulesCommands
{
    private static readonly Option<string> Pipelines = PipelineFolder.Option;

    private static readonly Option<string> JobsSchema = new("--jobs-schema")
    {
        Description = "The schema of Hangfire's tables in the PostgreSQL store (default: hangfire).",
        DefaultValueFactory = _ => "hangfire",
    };

    private static readonly Argument<string> Id = new("id") { Description = "The schedule: channel:<code> or pipeline:<name>." };

    public static Command Create(ILoggerFactory logging)
    {
        var list = new Command("list", "List each schedule with its next run, in its time zone and in UTC.") { Pipelines, StoreOptions.Json }
            .WithExamples("productflow schedules list", "productflow schedules list --pipelines /srv/productflow/pipelines --json");
        list.SetAction(result => List(result));
        var trigger = new Command("trigger", "Run a schedule now: with a PostgreSQL store, enqueue it for the service's workers; embedded, publish here.")
        {
            Id, Pipelines, JobsSchema, StoreOptions.Data, StoreOptions.Store, PublishOptions.Exports, StoreOptions.Json,
        }.WithExamples(
            "productflow schedules trigger channel:web",
            "productflow schedules trigger pipeline:demo --store postgresql://productflow@db.internal/productflow");
        trigger.SetAction((result, ct) => TriggerAsync(result, logging, ct));
        return new Command("schedules", "The unattended publications of channels and scheduled pipelines.") { list, trigger };
    }

    private static int List(ParseResult result)
    {
        var schedules = ScheduleCatalog.Load(Path.GetFullPath(result.GetValue(Pipelines)!));
        var now = DateTimeOffset.UtcNow;
        if (result.GetValue(StoreOptions.Json))
        {
            StoreCommand.WriteJsonAsync(writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("schedules");
                foreach (var schedule in schedules)
                {
                    var next = schedule.When.Next(now);
                    writer.WriteStartObject();
                    writer.WriteString("id", schedule.Id);
                    writer.WriteString("kind", schedule.Kind.ToString().ToLowerInvariant());
                    writer.WriteStartArray("channels");
                    schedule.Channels.ToList().ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                    writer.WriteString("cron", schedule.When.Cron);
                    writer.WriteString("timeZone", schedule.When.Zone.Id);
                    if (next is { } at)
                    {
                        writer.WriteString("next", TimeZoneInfo.ConvertTime(at, schedule.When.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                        writer.WriteString("nextUtc", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }).GetAwaiter().GetResult();
            return ExitCodes.Completed;
        }

        if (schedules.Count == 0)
        {
            Console.WriteLine("no schedules: give a channel of the catalog, or a pipeline with \"publish\": \"scheduled\", a \"schedule\"");
            return ExitCodes.Completed;
        }

        foreach (var schedule in schedules)
        {
            var next = schedule.When.Next(now) is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"next {TimeZoneInfo.ConvertTime(at, schedule.When.Zone):yyyy-MM-dd HH:mm} {schedule.When.Zone.Id} ({at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)")
                : "never again";
            Console.WriteLine($"{schedule.Id,-24} {schedule.When.Cron,-16} {next}  publishes {string.Join(", ", schedule.Channels)}");
        }

        return ExitCodes.Completed;
    }

    private static async Task<int> TriggerAsync(ParseResult result, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var id = result.GetRequiredValue(Id);
        var schedule = ScheduledPublication.Find(Path.GetFullPath(result.GetValue(Pipelines)!), id);
        if (ProductStores.Setting(result.GetValue(StoreOptions.Store)) is { } store)
        {
            var job = ServiceTrigger.Trigger(store, result.GetValue(JobsSchema)!, schedule.Id);
            if (job is null)
            {
                await Console.Error.WriteLineAsync($"productflow: '{schedule.Id}' is not registered with the service's jobs (hint: start 'productflow serve' or a worker on this store first: they register the schedules)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            await Console.Out.WriteLineAsync($"{schedule.Id}: job {job} enqueued; a worker publishes {string.Join(", ", schedule.Channels)}").ConfigureAwait(false);
            return ExitCodes.Completed;
        }

        var services = CliRunServices.From(result);
        var results = await CommandEvents.AroundAsync(
            CommandEvents.For(services),
            () => ScheduledPublication.RunAsync(schedule, services, logger: logging.CreateLogger("ProductFlow.Schedules"), cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        foreach (var published in results)
        {
            await Console.Out.WriteLineAsync(RunResultWriter.Describe(published)).ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }
}
