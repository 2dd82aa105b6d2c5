using System.Net.Http.Headers;
using System.Net.Sockets;
using Azure;
using Azure.Storage.Blobs;
using Npgsql;
using ProductFlow.PostgreSql;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Diagnostics;

/// <summary>The doctor's probes of the service's servers: each answers within <see cref="Timeout"/> or is reported unreachable, and none writes
/// anything (the Event Grid probe sends an empty batch: no event).</summary>
internal static class ServiceProbes
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The exports (a folder or a Blob container) and, when it is one, the inbox's container.</summary>
    public static async Task<IReadOnlyList<DoctorCheck>> StorageAsync(ProductFlowOptions options, HostMode mode, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        if (mode == HostMode.Embedded || options.Exports.Folder is { Length: > 0 })
        {
            var folder = Path.GetFullPath(mode == HostMode.Embedded ? Path.Combine(options.DataDirectory, "exports") : options.Exports.Folder!);
            checks.Add(Writable(folder, out var why) ? new DoctorCheck(true, $"service exports: folder {folder}") : new DoctorCheck(false, $"service exports: folder {folder}: {why}"));
        }
        else
        {
            checks.Add(await ContainerAsync("service exports", options.Blob.ConnectionString, options.Exports.Container, createdOnUse: true, cancellationToken).ConfigureAwait(false));
        }

        if (options.Inbox.Container is { Length: > 0 } inbox)
        {
            checks.Add(await ContainerAsync("service inbox", options.Blob.ConnectionString, inbox, createdOnUse: false, cancellationToken).ConfigureAwait(false));
        }

        if (options.Inbox.Sftp is { Host.Length: > 0, Username.Length: > 0 } sftp && ProductFlow.Connectors.Sftp.HostKeyPin.Problem(sftp.HostKey) is null)
        {
            var endpoint = sftp.Endpoint();
            var where = $"service inbox: SFTP {endpoint}{(sftp.Root.StartsWith('/') ? sftp.Root : "/~/" + sftp.Root)}";
            checks.Add(await ProductFlow.Connectors.Sftp.SftpProbe.ProblemAsync(endpoint, sftp.Root, cancellationToken).ConfigureAwait(false) is { } problem
                ? new DoctorCheck(false, $"{where}: {problem}")
                : new DoctorCheck(true, $"{where}: host key pinned, login and folder fine"));
        }

        return checks;
    }

    /// <summary>Whether the topic answers: any HTTP answer but 401 or 403 (a refused key) is a reachable endpoint.</summary>
    public static async Task<DoctorCheck> EventGridAsync(Uri endpoint, string? key, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent("[]") };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents-batch+json");
        request.Headers.Add("aeg-sas-key", key ?? "");
        var where = $"service events: Event Grid at {endpoint.Host}:{endpoint.Port}";
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status is 401 or 403
                ? new DoctorCheck(false, $"{where} refused the key (HTTP {status}): check ProductFlow:Events:Key")
                : new DoctorCheck(true, $"{where} reachable (HTTP {status} to an empty batch)");
        }
        catch (HttpRequestException e)
        {
            return new DoctorCheck(false, $"{where} unreachable: {e.Message.ReplaceLineEndings(" ")}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DoctorCheck(false, $"{where}: no answer within {Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Hangfire's schema: its version, servers and waiting jobs; or, before the first start, whether the host may create it.</summary>
    public static async Task<DoctorCheck> HangfireAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        string location;
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgreSqlConnectionString.Parse(connectionString);
            location = $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException e)
        {
            return new DoctorCheck(false, "service jobs: " + e.Message);
        }

        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = $1", cancellationToken, schema) == 0)
            {
                return await ScalarAsync<bool>(connection, "SELECT has_database_privilege(current_database(), 'CREATE')", cancellationToken)
                    ? new DoctorCheck(true, $"service jobs: Hangfire schema '{schema}' at {location} not created yet (serve or a worker creates it when it starts)")
                    : new DoctorCheck(false, $"service jobs: Hangfire schema '{schema}' at {location} does not exist and this user may not create it");
            }

            var quoted = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var version = await ScalarAsync<int>(connection, $"SELECT max(version) FROM {quoted}.schema", cancellationToken);
            var servers = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {quoted}.server", cancellationToken);
            var waiting = await ScalarAsync<long>(connection, $"SELECT count(*) FROM {quoted}.jobqueue WHERE fetchedat IS NULL", cancellationToken);
            return new DoctorCheck(true, $"service jobs: Hangfire schema '{schema}' (version {version}) at {location}, {servers} server(s), {waiting} job(s) waiting");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var reason = e is PostgresException postgres ? postgres.MessageText : e.Message;
            return new DoctorCheck(false, $"service jobs: Hangfire storage at {location}: {reason.ReplaceLineEndings(" ")}");
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <param name="what">What the container is, for the line.</param>
    /// <param name="connectionString">The storage account.</param>
    /// <param name="container">The container's name.</param>
    /// <param name="createdOnUse">Whether ProductFlow creates the container when it first writes (the exports), so a missing one is fine.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    private static async Task<DoctorCheck> ContainerAsync(string what, string? connectionString, string container, bool createdOnUse, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new DoctorCheck(false, $"{what}: ProductFlow:Blob:ConnectionString is not set for container '{container}'");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var client = new BlobContainerClient(connectionString, container);
            var exists = await client.ExistsAsync(timeout.Token).ConfigureAwait(false);
            var where = $"container '{container}' at {client.Uri.Host}:{client.Uri.Port}";
            return exists.Value ? new DoctorCheck(true, $"{what}: {where} reachable")
                : createdOnUse ? new DoctorCheck(true, $"{what}: {where} reachable, not created yet (the first publish creates it)")
                : new DoctorCheck(false, $"{what}: {where} does not exist: create it, suppliers drop feeds there");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DoctorCheck(false, $"{what}: no answer within {Timeout.TotalSeconds:0} s for container '{container}'");
        }
        catch (Exception e) when (e is RequestFailedException or FormatException or ArgumentException or AggregateException)
        {
            return new DoctorCheck(false, $"{what}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static bool Writable(string folder, out string why)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".doctor-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            why = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = e.Message;
            return false;
        }
    }
}
