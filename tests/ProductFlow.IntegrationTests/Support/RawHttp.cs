using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ProductFlow.IntegrationTests.Support;

/// <summary>Sends one HTTP/1.1 GET with the request target exactly as written (no client normalising <c>..</c> or <c>%2f</c>), and reads the status.</summary>
internal static class RawHttp
{
    public static async Task<int> GetStatusAsync(Uri server, string target, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        var parts = status.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var code) ? code : throw new InvalidOperationException($"no status line: '{status}'");
    }
}
