using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Extensions;
using ProductFlow.Server.Jobs;
using ProductFlow.Server.Logging;
using ProductFlow.Server.Telemetry;

namespace ProductFlow.Server;

/// <summary><c>productflow worker</c>: a Hangfire server on the generic host (no web server), with the configuration of <c>serve</c>.</summary>
/// <remarks>More workers on the same PostgreSQL scale ProductFlow out. SIGTERM stops taking jobs; running jobs get
/// <c>ProductFlow:Jobs:ShutdownTimeout</c> to finish, after which Hangfire requeues them (their work is idempotent).</remarks>
public static class WorkerHost
{
    public static IHost Build(WorkerOptions worker, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var builder = Host.CreateDefaultBuilder(args ?? []);
        if (worker.ContentRoot is { } root)
        {
            builder.UseContentRoot(root);
        }

        if (worker.DataDirectory is { } data)
        {
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection([new("ProductFlow:DataDirectory", data)]));
        }

        builder.UseProductFlowSerilog(worker.LogFormat);
        builder.ConfigureServices((context, services) =>
        {
            services
                .AddProductFlowOptions(HostMode.Service)
                .AddProductFlowStore()
                .AddProductFlowExports()
                .AddProductFlowEvents()
                .AddProductFlowReports()
                .AddProductFlowRuns()
                .AddProductFlowJobs(new JobServer(worker.Queues, worker.Workers))
                .AddProductFlowTelemetry(context.Configuration, "productflow-worker", web: false);
            services.AddOptions<HostOptions>().Configure<IOptions<ProductFlowOptions>>((host, options) =>
                host.ShutdownTimeout = options.Value.Jobs.ShutdownTimeout + TimeSpan.FromSeconds(5));
        });
        return builder.Build();
    }
}
