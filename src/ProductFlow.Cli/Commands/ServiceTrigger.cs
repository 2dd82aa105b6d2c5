namespace ProductFlow.Cli.Commands;

/// <summary>Kept apart so that ProductFlow.Server (and Hangfire) load only when a schedule is triggered on a service's store.</summary>
internal static class ServiceTrigger
{
    public static string? Trigger(string store, string schema, string id) => Server.Jobs.RecurringTrigger.Trigger(store, schema, id);
}
