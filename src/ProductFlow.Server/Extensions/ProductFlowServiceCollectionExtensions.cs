using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProductFlow.Azure.Events;
using ProductFlow.Azure.Exports;
using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Running;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Extensions;

/// <summary>The host's wiring, one method per concern: options, store, exports, events, and the run services made of them.</summary>
public static class ProductFlowServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ProductFlowOptions"/> from the <c>ProductFlow</c> section and validates it when the host starts.</summary>
    public static IServiceCollection AddProductFlowOptions(this IServiceCollection services, HostMode mode)
    {
        services.AddOptions<ProductFlowOptions>().BindConfiguration(ProductFlowOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProductFlowOptions>>(new ProductFlowOptionsValidator(mode)));
        services.TryAddSingleton(new HostModeHolder(mode));
        return services;
    }

    /// <summary>The product store: the data folder's SQLite file with <see cref="HostMode.Embedded"/>, else <c>ProductFlow:Store:ConnectionString</c>.</summary>
    public static IServiceCollection AddProductFlowStore(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ProductFlowOptions>>().Value;
            return provider.GetRequiredService<HostModeHolder>().Mode == HostMode.Embedded
                ? StoreProvider.Embedded(options.DataDirectory)
                : StoreProvider.PostgreSql(options.Store.ConnectionString!);
        });
        return services;
    }

    /// <summary>The export store: <c>&lt;data&gt;/exports</c> with <see cref="HostMode.Embedded"/>, else <c>ProductFlow:Exports:Folder</c>
    /// or the <c>ProductFlow:Exports:Container</c> of <c>ProductFlow:Blob:ConnectionString</c>.</summary>
    public static IServiceCollection AddProductFlowExports(this IServiceCollection services)
    {
        services.TryAddSingleton<IBlobStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ProductFlowOptions>>().Value;
            if (provider.GetRequiredService<HostModeHolder>().Mode == HostMode.Embedded)
            {
                return new FolderBlobStore(Path.Combine(Path.GetFullPath(options.DataDirectory), "exports"));
            }

            return options.Exports.Folder is { Length: > 0 } folder
                ? new FolderBlobStore(Path.GetFullPath(folder))
                : new BlobExportStore(new BlobContainerClient(options.Blob.ConnectionString, options.Exports.Container), options.Exports.Prefix);
        });
        return services;
    }

    /// <summary>The event publisher: Event Grid when <c>ProductFlow:Events:Endpoint</c> is set, else none (no events).</summary>
    public static IServiceCollection AddProductFlowEvents(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var events = provider.GetRequiredService<IOptions<ProductFlowOptions>>().Value.Events;
            return new EventPublisherHolder(events.Endpoint is null ? null : new EventGridEventPublisher(new EventGridOptions { Endpoint = events.Endpoint, Key = events.Key }));
        });
        return services;
    }

    /// <summary>The report store: the data folder's <c>reports/</c> with <see cref="HostMode.Embedded"/> or an exports folder, else the
    /// <c>ProductFlow:Reports:Container</c> of the storage account, where every run's report files are copied for every node to serve.</summary>
    public static IServiceCollection AddProductFlowReports(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ProductFlowOptions>>().Value;
            var local = provider.GetRequiredService<HostModeHolder>().Mode == HostMode.Embedded || options.Exports.Folder is { Length: > 0 };
            return local
                ? new ReportStore(new FolderBlobStore(Path.Combine(Path.GetFullPath(options.DataDirectory), "reports")), Shared: false)
                : new ReportStore(new BlobExportStore(new BlobContainerClient(options.Blob.ConnectionString, options.Reports.Container)), Shared: true);
        });
        services.TryAddSingleton(provider => new Runs.ReportFiles(provider.GetRequiredService<ReportStore>().Store));
        return services;
    }

    /// <summary>The <see cref="RunServices"/> every run of the host uses, and the runner on them.</summary>
    public static IServiceCollection AddProductFlowRuns(this IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ProductFlowOptions>>().Value;
            var store = provider.GetRequiredService<StoreProvider>();
            return new RunServices
            {
                DataDirectory = Path.GetFullPath(options.DataDirectory),
                OpenStore = store.OpenAsync,
                Exports = provider.GetRequiredService<IBlobStore>(),
                Events = provider.GetRequiredService<EventPublisherHolder>().Publisher,
                Reports = provider.GetRequiredService<ReportStore>() is { Shared: true } reports ? reports.Store : null,
            };
        });
        services.TryAddSingleton(provider => new PipelineRunner(
            provider.GetRequiredService<RunServices>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PipelineRunner>>()));
        return services;
    }
}

/// <summary>Where reports are kept; <see cref="Shared"/> when it is not the data folder's own <c>reports/</c> (runs copy theirs into it).</summary>
public sealed record ReportStore(IBlobStore Store, bool Shared);

/// <summary>The mode the host was started in (a DI-friendly wrapper of the enum).</summary>
public sealed record HostModeHolder(HostMode Mode);

/// <summary>The configured event publisher, or none (DI does not register nulls).</summary>
public sealed record EventPublisherHolder(IEventPublisher? Publisher);
