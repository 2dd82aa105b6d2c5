using ProductFlow.Connectors.Remote;

namespace ProductFlow.Tests.Connectors.Remote;

public class RemoteLocationTests
{
    [TestCase("https://feeds.example.com/a.csv", true)]
    [TestCase("HTTP://feeds.example.com/a.csv", true)]
    [TestCase("sftp://acme@sftp.example.com/out/a.csv", true)]
    [TestCase("feeds/a.csv", false)]
    [TestCase("/srv/feeds/a.csv", false)]
    [TestCase("ftp://example.com/a.csv", false)]
    public void Only_http_https_and_sftp_urls_are_remote(string input, bool remote) =>
        Assert.That(RemoteLocation.IsRemote(input), Is.EqualTo(remote));

    [Test]
    public void An_sftp_path_is_absolute_unless_it_starts_in_the_login_folder()
    {
        var absolute = RemoteLocation.Parse("sftp://acme@sftp.example.com:2222/srv/out/spring%202026.csv");
        var home = RemoteLocation.Parse("sftp://acme@sftp.example.com/~/out/a.csv");

        Assert.That((absolute.IsSftp, absolute.User, absolute.Port, absolute.RemotePath), Is.EqualTo((true, "acme", 2222, "/srv/out/spring 2026.csv")));
        Assert.That(absolute.FileName, Is.EqualTo("spring_2026.csv"));
        Assert.That((home.Port, home.RemotePath), Is.EqualTo((22, "out/a.csv")));
    }

    [Test]
    public void A_url_without_a_file_name_gets_one()
    {
        Assert.That(RemoteLocation.Parse("https://api.example.com/export/").FileName, Is.EqualTo("export"));
        Assert.That(RemoteLocation.Parse("https://api.example.com/").FileName, Is.EqualTo("feed"));
        Assert.That(RemoteLocation.Parse("https://api.example.com/products.csv?since=2026-01-01").FileName, Is.EqualTo("products.csv"));
    }

    [Test]
    public void A_password_in_a_url_is_refused_and_not_repeated()
    {
        var sftp = RemoteLocation.Problem("sftp://acme:s3cret@sftp.example.com/a.csv");
        var http = RemoteLocation.Problem("https://acme:s3cret@feeds.example.com/a.csv");

        Assert.That(sftp, Does.Contain("has a password in it").And.Contain("source.sftp.passwordVariable").And.Not.Contain("s3cret"));
        Assert.That(sftp, Does.Contain("sftp://***@sftp.example.com/a.csv"));
        Assert.That(http, Does.Contain("source.http.bearerTokenVariable").And.Not.Contain("s3cret"));
        var error = Assert.Throws<ProductFlowException>(() => RemoteLocation.Parse("sftp://acme:s3cret@sftp.example.com/a.csv"));
        Assert.That(error!.Message + error.File, Does.Not.Contain("s3cret"));
    }

    [Test]
    public void An_sftp_url_names_its_user_and_a_file()
    {
        Assert.That(RemoteLocation.Problem("sftp://sftp.example.com/a.csv"), Does.Contain("names no user"));
        Assert.That(RemoteLocation.Problem("sftp://acme@sftp.example.com/out/"), Does.Contain("names no file"));
        Assert.That(RemoteLocation.Problem("https://acme@feeds.example.com/a.csv"), Does.Contain("has a user in it"));
        Assert.That(RemoteLocation.Problem("https:///a.csv"), Does.Contain("is not a URL"));
        Assert.That(RemoteLocation.Problem("sftp://acme@sftp.example.com/out/a.csv"), Is.Null);
    }
}
