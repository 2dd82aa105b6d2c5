using System.Text;
using System.Text.Json;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

public class LineageJsonTests
{
    [Test]
    public void Every_kind_of_origin_reads_back_as_written()
    {
        ValueOrigin[] origins =
        [
            new() { Feed = "f.csv", Line = 7, Column = "name_en", Source = "supplier" },
            new() { Rule = "template", Source = "supplier" },
            new() { Feed = "f.csv", Line = 7, Column = "weight_g", Rule = "unit", Source = "supplier" },
            new() { Feed = "erp.csv", Line = 3, Column = "price", Source = "erp" },
            new() { Feed = "f.csv", Line = 7, Column = "stock", Source = "erp" },
            new() { Rule = "mapping.constant", Source = "pim" },
        ];
        var values = origins.Select((o, i) => new ProductValue($"a{i}", null, null, "x", o)).ToList();

        var written = Write(values, "f.csv", 7, "supplier");

        Assert.That(LineageJson.Read(Encoding.UTF8.GetBytes(written)), Is.EqualTo(origins));
        Assert.That(written, Does.StartWith("""{"feed":"f.csv","line":7,"source":"supplier","values":["name_en",{"rule":"template"},"""));
    }

    [Test]
    public void The_plain_array_of_earlier_versions_is_still_read()
    {
        var plain = """[{"feed":"f.csv","line":2,"column":"c"},{"rule":"default"}]"""u8.ToArray();

        Assert.That(LineageJson.Read(plain), Is.EqualTo(new ValueOrigin?[] { ValueOrigin.FromCell("f.csv", 2, "c"), ValueOrigin.FromRule("default") }));
    }

    [Test]
    public void Origins_are_the_bytes_the_writer_s_encoder_makes_of_the_strings_whatever_the_encoder()
    {
        // The property names are encoded once, with the default encoder: they must come out as any writer would escape them.
        var awkward = ProductFlow.Tests.Json.WrittenJson.Awkward;
        var values = awkward.Select((text, i) => new ProductValue($"a{i}", null, null, "x", (i % 3) switch
        {
            0 => new ValueOrigin { Feed = "f.csv", Line = 7, Column = text, Source = "sup<p>lier" },
            1 => new ValueOrigin { Rule = text, Source = awkward[^(i + 1)] },
            _ => new ValueOrigin { Feed = text, Line = 3, Column = awkward[^(i + 1)], Source = "sup<p>lier" },
        })).ToList();
        foreach (var encoder in new[] { null, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            var written = Write(encoder, w => LineageJson.Write(w, values.Select(v => v.Cell).ToArray(), "f.csv", 7, "sup<p>lier"));

            Assert.That(written, Is.EqualTo(ProductFlow.Tests.Json.WrittenJson.Rewritten(written, encoder)), encoder?.ToString() ?? "default encoder");
        }
    }

    private static byte[] Write(System.Text.Encodings.Web.JavaScriptEncoder? encoder, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = encoder }))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static string Write(IReadOnlyList<ProductValue> values, string feed, long line, string source)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            LineageJson.Write(writer, values.Select(v => v.Cell).ToArray(), feed, line, source);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
