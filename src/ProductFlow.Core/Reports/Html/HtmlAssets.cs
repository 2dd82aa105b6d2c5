using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ProductFlow.Reports.Html;

/// <summary>The report's stylesheet and script, embedded in the assembly and inlined into every report.</summary>
internal static class HtmlAssets
{
    private static readonly Lazy<string> CssText = new(() => Load("report.css"));
    private static readonly Lazy<string> ScriptText = new(() => Load("report.js"));

    public static string Css => CssText.Value;

    public static string Script => ScriptText.Value;

    /// <summary>The page's Content-Security-Policy: nothing is loaded from anywhere, and only the report's own script runs.</summary>
    /// <remarks>
    /// The script is allowed by its hash, not by <c>'unsafe-inline'</c>: even if a value escaped its encoding, an injected
    /// script would not run. Inline styles are allowed (bar widths); with no source to load from, they cannot leak data.
    /// </remarks>
    public static string ContentSecurityPolicy =>
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-" +
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script))) +
        "'; base-uri 'none'; form-action 'none'";

    private static string Load(string name)
    {
        var resource = "ProductFlow.Reports.Html." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("embedded resource missing: " + resource);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
