using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Polly.Timeout;

namespace ProductFlow.Connectors.Remote;

/// <summary>What failed when a remote feed could not be reached, in words a steward can act on: the name did not resolve (DNS), nothing
/// answered, the connection was refused, TLS failed, the server did not answer in time.</summary>
internal static class RemoteErrors
{
    /// <summary>Describes a failure to reach a server (a <see cref="SocketException"/>, an <see cref="HttpRequestException"/>, a timeout);
    /// null when <paramref name="e"/> is none of those.</summary>
    public static string? Describe(Exception e)
    {
        switch (e)
        {
            case SocketException socket:
                return Describe(socket);
            case HttpRequestException http:
                if (Find<SocketException>(http) is { } inner)
                {
                    return Describe(inner);
                }

                return http.HttpRequestError switch
                {
                    HttpRequestError.NameResolutionError => "the host name could not be resolved (DNS)",
                    HttpRequestError.ConnectionError => "could not connect: " + http.Message,
                    HttpRequestError.SecureConnectionError => "the TLS handshake failed: " + (http.InnerException?.Message ?? http.Message),
                    HttpRequestError.ResponseEnded => "the server closed the connection before it answered",
                    _ => http.Message,
                };
            case TimeoutRejectedException timeout:
                return $"no answer within {timeout.Timeout.TotalSeconds:0.#} s";
            case TimeoutException:
                return "no answer in time";
            default:
                return null;
        }
    }

    /// <summary>Describes a status the server answered with: 401/403 (credentials), 404 (no feed there), others by their number and phrase.</summary>
    public static string Describe(HttpStatusCode status, string? reason) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"HTTP {(int)status} {reason}: the server refused the credentials (source.http names the variables that hold them)",
        HttpStatusCode.NotFound => $"HTTP 404 {reason}: there is no feed at that URL",
        _ => $"HTTP {(int)status} {reason}",
    };

    private static string Describe(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "the host name could not be resolved (DNS)",
        SocketError.ConnectionRefused => "the connection was refused (nothing listens on that host and port)",
        SocketError.TimedOut => "the connection timed out (the host does not answer)",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown => "the host cannot be reached (" + socket.Message + ")",
        SocketError.ConnectionReset or SocketError.ConnectionAborted => "the server closed the connection",
        _ => "the connection failed: " + socket.Message,
    };

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }
}
