using System.Diagnostics;
using System.Text;
using MiniExcelLibs;
using ProductFlow.Connectors;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors;

/// <summary>Damaged files, made in-process with a fixed seed and a time cap: every reader yields rows or fails the feed, nothing else.</summary>
public class ReaderFuzzTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(5);

    [TestCase("csv")]
    [TestCase("json")]
    [TestCase("jsonl")]
    [TestCase("xlsx")]
    [TestCase("akeneo-csv")]
    public async Task A_damaged_feed_never_escapes_as_anything_but_a_feed_read_exception(string format)
    {
        using var dir = new TempDirectory();
        var valid = await File.ReadAllBytesAsync(Sample(dir, format));
        var random = new Random(int.Parse(Environment.GetEnvironmentVariable("PF_FUZZ_SEED") ?? "20261124", System.Globalization.CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        var cases = 0;
        while (clock.Elapsed < Cap && cases < 500)
        {
            var damaged = Damage(valid, random);
            var path = dir.Combine($"case{cases++}.{format}");
            await File.WriteAllBytesAsync(path, damaged);
            try
            {
                await foreach (var _ in FeedReaders.For(format).ReadAsync(new FeedSource(path)))
                {
                }
            }
            catch (FeedReadException)
            {
                // The expected answer to a file that cannot be read to its end.
            }
            catch (Exception e)
            {
                Assert.Fail($"case {cases - 1} ({format}, {damaged.Length} bytes) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }

        Assert.That(cases, Is.GreaterThan(20));
    }

    private static byte[] Damage(byte[] valid, Random random)
    {
        var bytes = valid.ToArray();
        switch (random.Next(4))
        {
            case 0:
                return bytes[..random.Next(bytes.Length)];
            case 1:
                for (var i = random.Next(1, 8); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 2:
                var start = random.Next(bytes.Length);
                return [.. bytes[..start], .. bytes[Math.Min(bytes.Length, start + random.Next(1, 64))..]];
            default:
                var junk = new byte[random.Next(1, 32)];
                random.NextBytes(junk);
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], .. junk, .. bytes[at..]];
        }
    }

    private static string Sample(TempDirectory dir, string format)
    {
        var path = dir.Combine("sample." + format);
        switch (format)
        {
            case "xlsx":
                MiniExcel.SaveAs(path, Enumerable.Range(0, 20).Select(i => new Dictionary<string, object?>
                {
                    ["sku"] = $"S{i}", ["price"] = i + 0.5, ["launch"] = new DateTime(2025, 3, 1), ["active"] = i % 2 == 0,
                }));
                break;
            case "json":
                File.WriteAllText(path, "[" + string.Join(",\n", Enumerable.Range(0, 20).Select(i => $"{{\"sku\":\"S{i}\",\"d\":{{\"w\":{i}.5}},\"tags\":[\"a\",\"b\"]}}")) + "]");
                break;
            case "jsonl":
                File.WriteAllText(path, string.Join("\n", Enumerable.Range(0, 20).Select(i => $"{{\"sku\":\"S{i}\",\"d\":{{\"w\":{i}.5}}}}")));
                break;
            default:
                var sep = format == "akeneo-csv" ? ";" : ",";
                var text = new StringBuilder($"sku{sep}name{sep}price\n");
                for (var i = 0; i < 20; i++)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"S{i}{sep}\"Name {i}, \"\"quoted\"\"\nsecond line\"{sep}{i}.5\n");
                }

                File.WriteAllText(path, text.ToString());
                break;
        }

        return path;
    }
}
