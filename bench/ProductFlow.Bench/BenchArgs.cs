using System.Globalization;

namespace ProductFlow.Bench;

/// <summary>The <c>--name value</c> options of a bench command, with the common ones typed.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public int Rows => int.Parse(Get("--rows") ?? "100000", NumberStyles.Integer, CultureInfo.InvariantCulture);

    public int Seed => int.Parse(Get("--seed") ?? "42", NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static BenchArgs Parse(string[] args)
    {
        var parsed = new BenchArgs();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                parsed._values[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }

        return parsed;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);
}
