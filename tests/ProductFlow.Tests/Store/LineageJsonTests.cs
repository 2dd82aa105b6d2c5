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

    private static string Write(IReadOnlyList<ProductValue> values, string feed, long line, string source)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            LineageJson.Write(writer, values, feed, line, source);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
