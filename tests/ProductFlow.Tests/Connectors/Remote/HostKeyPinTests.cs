using ProductFlow.Connectors.Sftp;

namespace ProductFlow.Tests.Connectors.Remote;

public class HostKeyPinTests
{
    private const string First = "SHA256:RImhhZmr4pdokzaC+IXSX032LlmVMBBhNYe4Dy5uqDg";
    private const string Second = "SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og";

    [Test]
    public void A_pin_accepts_the_fingerprints_it_lists_with_or_without_padding()
    {
        var pin = HostKeyPin.Parse(First + "=, " + Second);

        Assert.That(pin.Fingerprints, Is.EqualTo(new[] { First, Second }));
        Assert.That(pin.Accepts(First["SHA256:".Length..]), Is.True);
        Assert.That(pin.Accepts(Second["SHA256:".Length..] + "="), Is.True);
        Assert.That(pin.Accepts("AAAAhZmr4pdokzaC+IXSX032LlmVMBBhNYe4Dy5uqDg"), Is.False);
    }

    [Test]
    public void No_pin_accepts_no_key()
    {
        Assert.That(HostKeyPin.Parse(null).Accepts(First["SHA256:".Length..]), Is.False);
        Assert.That(HostKeyPin.Parse(" ").Fingerprints, Is.Empty);
    }

    [TestCase("MD5:97:70:33:82:fd:29:3a:73:39:af:6a:07:ad:f8:80:49")]
    [TestCase("RImhhZmr4pdokzaC+IXSX032LlmVMBBhNYe4Dy5uqDg")]
    [TestCase("SHA256:short")]
    public void What_is_not_a_sha256_fingerprint_is_refused_with_the_form_expected(string text)
    {
        Assert.That(HostKeyPin.Problem(text), Does.Contain("is not a SHA-256 host key fingerprint (SHA256: and 43 base64 characters"));
        Assert.Throws<FormatException>(() => HostKeyPin.Parse(text));
    }
}
