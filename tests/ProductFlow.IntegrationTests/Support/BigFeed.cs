using System.Text;
using System.Text.RegularExpressions;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Support;

/// <summary>A large feed made of copies of the demo sample, each copy's SKUs prefixed (<c>C0001-TS-1001-NVY-S</c>).</summary>
internal static partial class BigFeed
{
    /// <summary>Writes <paramref name="copies"/> copies of the sample's records (361 each) after its header; returns the path.</summary>
    /// <remarks>With <paramref name="distinctModels"/> each copy's product models are prefixed too, so every copy is accepted like the first; otherwise copies share the models and their variants collide on the axes.</remarks>
    public static string Write(string path, int copies, bool distinctModels = false)
    {
        var lines = File.ReadAllLines(TestPaths.InRepository("samples", "supplier-apparel.csv"));
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(lines[0]);
        writer.Write('\n');
        for (var copy = 1; copy <= copies; copy++)
        {
            var prefix = $"C{copy:D4}-";
            foreach (var line in lines.AsSpan(1))
            {
                var record = RecordStart().IsMatch(line) ? prefix + line : line;
                writer.Write(distinctModels ? ModelField().Replace(record, "$1" + prefix + "$2", 1) : record);
                writer.Write('\n');
            }
        }

        return path;
    }

    [GeneratedRegex("^(TS|HD)-[0-9]{4}-")]
    private static partial Regex RecordStart();

    [GeneratedRegex("^(C[0-9]{4}-(?:TS|HD)-[0-9]{4}-[^,]*,)((?:TS|HD)-[0-9]{4},)")]
    private static partial Regex ModelField();
}
