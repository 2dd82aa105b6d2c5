using ProductFlow.Primitives;
using ProductFlow.Store;

namespace ProductFlow.Tests.Primitives;

/// <summary>A key's first parts hashed once give the hash of the whole key, and so the same stored fingerprints.</summary>
public class KeyHashTests
{
    [Test]
    public void Parts_hashed_once_give_the_hash_of_the_whole_key()
    {
        var random = new Random(20261207);
        string? Text() => random.Next(8) == 0 ? null : new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(32, 0x3000)).ToArray());
        for (var i = 0; i < 2_000; i++)
        {
            var (a, b, c, d) = (Text(), Text(), Text(), Text());

            Assert.That(KeyHash.Parts(a, b).Of(c), Is.EqualTo(KeyHash.Of(a, b, c)), $"case {i}");
            Assert.That(KeyHash.Parts(a, b).Of(c, d), Is.EqualTo(KeyHash.Of(a, b, c, d)), $"case {i}");
        }
    }

    [Test]
    public void A_state_fingerprint_is_the_one_stores_already_keep()
    {
        // products.state of stores written before: the same parts must give the same fingerprint, or every product would look changed.
        var hash = Convert.FromHexString("00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");

        Assert.That(StateFingerprint.Of(hash, "|google|", """{"channels":["web"],"issues":[]}""", "|demo|"), Is.EqualTo(Expected(hash, "|google|", """{"channels":["web"],"issues":[]}""", "|demo|")));
        Assert.That(StateFingerprint.Parts(hash, "", "").With("|erp|"), Is.EqualTo(Expected(hash, "", "", "|erp|")));
    }

    // The fingerprint as the embedded store has computed it since its schema 6: the content hash XOR the key hash of the texts times a constant.
    private static long Expected(byte[] contentHash, string blocked, string notes, string sources)
    {
        var state = BitConverter.ToUInt64(contentHash, 0) ^ (KeyHash.Of(blocked, notes, sources) * 0x9E3779B97F4A7C15UL);
        return state == 0 ? 1 : (long)state;
    }
}
