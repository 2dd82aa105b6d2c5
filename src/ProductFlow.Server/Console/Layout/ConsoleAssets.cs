using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ProductFlow.Reports;

namespace ProductFlow.Server.Console.Layout;

/// <summary>The console's stylesheet (report.html's, then the console's own rules) and its script, embedded in the assembly and served
/// from the host with a version in their URL: the pages load nothing from elsewhere.</summary>
public static class ConsoleAssets
{
    private static readonly Lazy<byte[]> StylesheetBytes = new(() => Encoding.UTF8.GetBytes(HtmlReportWriter.Stylesheet + "\n/* The console */\n" + Load("console.css")));
    private static readonly Lazy<byte[]> ScriptBytes = new(() => Encoding.UTF8.GetBytes(Load("console.js")));
    private static readonly Lazy<string> VersionText = new(() =>
        Convert.ToHexStringLower(SHA256.HashData([.. StylesheetBytes.Value, .. ScriptBytes.Value]))[..12]);

    public static ReadOnlyMemory<byte> Stylesheet => StylesheetBytes.Value;

    public static ReadOnlyMemory<byte> Script => ScriptBytes.Value;

    /// <summary>Changes with either file: the pages' links carry it, so a browser never keeps an old file past an upgrade.</summary>
    public static string Version => VersionText.Value;

    public static string StylesheetPath => $"{ConsolePaths.Assets}/console.css?v={Version}";

    public static string ScriptPath => $"{ConsolePaths.Assets}/console.js?v={Version}";

    private static string Load(string name)
    {
        var resource = "ProductFlow.Server.Console." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("embedded resource missing: " + resource);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
