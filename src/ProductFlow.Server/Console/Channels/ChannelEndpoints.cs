using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ProductFlow.Publishing;
using ProductFlow.Running;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Console.Forms;
using ProductFlow.Server.Console.Layout;

namespace ProductFlow.Server.Console.Channels;

/// <summary>The channels: <c>/console/channels</c> (each channel's current version), <c>/console/channels/{code}</c> (its versions and the
/// preview of its next publication, field by field, as <c>productflow preview</c> shows it) and <c>POST /console/channels/{code}/publish</c>
/// (admins: publish now, as <c>productflow publish</c> does).</summary>
internal static class ChannelEndpoints
{
    /// <summary>Changes the preview lists one by one; the counts cover all of them.</summary>
    private const int ShownChanges = 200;

    private const int ShownVersions = 30;

    public static RouteGroupBuilder MapChannelPages(this RouteGroupBuilder console)
    {
        console.MapGet("/channels", ListAsync);
        console.MapGet("/channels/{code}", (string code, HttpContext context, StoreProvider stores, ServicePipelines pipelines, RunServices services, CancellationToken ct) =>
            ShowAsync(code, context, stores, pipelines, services, null, ct));
        console.MapPost("/channels/{code}/publish", PublishAsync).RequireAuthorization(ConsolePolicies.Admin).WithFormCheck();
        return console;
    }

    private static async Task<IResult> ListAsync(ServicePipelines pipelines, RunServices services, CancellationToken cancellationToken)
    {
        var rows = new List<(ServiceChannel Channel, ExportManifest? Current)>();
        var publisher = new ChannelPublisher(services.Exports);
        foreach (var channel in pipelines.Channels())
        {
            rows.Add((channel, await publisher.CurrentAsync(channel.Code, cancellationToken).ConfigureAwait(false)));
        }

        return new RazorComponentResult<ChannelsPage>(new { Channels = rows });
    }

    private static async Task<IResult> ShowAsync(
        string code, HttpContext context, StoreProvider stores, ServicePipelines pipelines, RunServices services, PublishResult? published, CancellationToken cancellationToken)
    {
        if (pipelines.Channels().FirstOrDefault(c => c.Code == code) is not { } channel)
        {
            return ConsoleResults.NotFound($"No pipeline publishes a channel '{code}'.");
        }

        var publisher = new ChannelPublisher(services.Exports);
        var versions = new List<ExportManifest>();
        foreach (var version in (await ExportHistory.VersionsAsync(services.Exports, code, cancellationToken).ConfigureAwait(false)).Reverse().Take(ShownVersions))
        {
            if (await ExportHistory.ManifestAsync(services.Exports, code, version, cancellationToken).ConfigureAwait(false) is { } manifest)
            {
                versions.Add(manifest);
            }
        }

        var current = await publisher.CurrentAsync(code, cancellationToken).ConfigureAwait(false);
        var changes = new List<ChannelChange>();
        PublishResult preview;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            preview = await publisher.PublishAsync(store, channel.Definition, channel.Catalog, new PublishRequest
            {
                Preview = true,
                OnChange = change =>
                {
                    lock (changes)
                    {
                        if (changes.Count < ShownChanges)
                        {
                            changes.Add(change);
                        }
                    }
                },
            }, cancellationToken).ConfigureAwait(false);
        }

        var user = ConsoleUser.Of(context.User)!;
        return new RazorComponentResult<ChannelPage>(new
        {
            Channel = channel, Current = current, Versions = versions, Preview = preview, Changes = changes, MayPublish = user.IsAdmin, Published = published,
        });
    }

    private static async Task<IResult> PublishAsync(
        string code, HttpContext context, StoreProvider stores, ServicePipelines pipelines, RunServices services, TimeProvider time, ILogger<ChannelPublisherLog> logger,
        CancellationToken cancellationToken)
    {
        if (pipelines.Channels().FirstOrDefault(c => c.Code == code) is not { } channel)
        {
            return ConsoleResults.NotFound($"No pipeline publishes a channel '{code}'.");
        }

        PublishResult result;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var publisher = new ChannelPublisher(services.Exports, time, services.Events is null ? null : store, logger);
            result = await publisher.PublishAsync(store, channel.Definition, channel.Catalog, new PublishRequest { RunId = "console", DataAsOf = time.GetUtcNow() }, cancellationToken)
                .ConfigureAwait(false);
        }

        return await ShowAsync(code, context, stores, pipelines, services, result, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The category of the console's publications in the log.</summary>
internal sealed class ChannelPublisherLog;
