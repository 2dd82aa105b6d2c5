using System.Security.Cryptography;
using ProductFlow.Publishing;

namespace ProductFlow.Tests.Publishing;

public class HashingStreamTests
{
    [Test]
    public async Task Bytes_pass_through_counted_and_hashed()
    {
        var data = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        using var inner = new MemoryStream();
        using var hashing = new HashingStream(inner);
        hashing.Write(data, 0, 40_000);
        hashing.Write(data.AsSpan(40_000, 30_000));
        await hashing.WriteAsync(data.AsMemory(70_000));

        Assert.That(inner.ToArray(), Is.EqualTo(data));
        Assert.That(hashing.Bytes, Is.EqualTo(data.Length));
        Assert.That(hashing.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(data))));
    }

    [Test]
    public async Task Flushing_it_does_not_flush_the_file_below_whose_owner_flushes_it_once_when_committing()
    {
        // Writers flush at every line (Utf8JsonWriter flushes its stream whenever it is flushed): passed on, that is a
        // system call per line.
        using var inner = new RecordingStream();
        using var hashing = new HashingStream(inner);
        for (var i = 0; i < 100; i++)
        {
            hashing.Write("{\"sku\":\"A\"}\n"u8);
            hashing.Flush();
            await hashing.FlushAsync();
        }

        Assert.That(inner.Flushes, Is.Zero);
        Assert.That(inner.Length, Is.EqualTo(1_200));
    }
}
