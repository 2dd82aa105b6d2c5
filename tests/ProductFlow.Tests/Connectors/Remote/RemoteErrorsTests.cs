using System.Net;
using System.Net.Sockets;
using ProductFlow.Connectors.Remote;

namespace ProductFlow.Tests.Connectors.Remote;

/// <summary>What failed, in words: the failures of reaching a server that the tests on 127.0.0.1 cannot cause (a name that does not resolve).</summary>
public class RemoteErrorsTests
{
    [Test]
    public void A_name_that_does_not_resolve_is_a_dns_failure()
    {
        Assert.That(RemoteErrors.Describe(new SocketException((int)SocketError.HostNotFound)), Is.EqualTo("the host name could not be resolved (DNS)"));
        Assert.That(RemoteErrors.Describe(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known")), Is.EqualTo("the host name could not be resolved (DNS)"));
        Assert.That(RemoteErrors.Describe(new HttpRequestException("x", new SocketException((int)SocketError.TryAgain))), Is.EqualTo("the host name could not be resolved (DNS)"));
    }

    [Test]
    public void Refused_unreachable_and_timed_out_connections_say_so()
    {
        Assert.That(RemoteErrors.Describe(new SocketException((int)SocketError.ConnectionRefused)), Does.StartWith("the connection was refused"));
        Assert.That(RemoteErrors.Describe(new SocketException((int)SocketError.NetworkUnreachable)), Does.StartWith("the host cannot be reached"));
        Assert.That(RemoteErrors.Describe(new SocketException((int)SocketError.TimedOut)), Does.StartWith("the connection timed out"));
        Assert.That(RemoteErrors.Describe(new InvalidOperationException("other")), Is.Null);
    }

    [Test]
    public void Statuses_name_credentials_and_missing_feeds()
    {
        Assert.That(RemoteErrors.Describe(HttpStatusCode.Forbidden, "Forbidden"), Does.StartWith("HTTP 403 Forbidden: the server refused the credentials"));
        Assert.That(RemoteErrors.Describe(HttpStatusCode.NotFound, "Not Found"), Is.EqualTo("HTTP 404 Not Found: there is no feed at that URL"));
        Assert.That(RemoteErrors.Describe(HttpStatusCode.BadGateway, "Bad Gateway"), Is.EqualTo("HTTP 502 Bad Gateway"));
    }
}
