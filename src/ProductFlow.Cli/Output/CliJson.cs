using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductFlow.Cli.Output;

/// <summary>How the CLI writes JSON on stdout: compact, with quotes and accents as they are (<c>'</c>, not <c>\u0027</c>), for people reading it in a terminal too.</summary>
internal static class CliJson
{
    /// <remarks>Relaxed escaping is safe here: this JSON goes to a terminal or a pipe, never into an HTML page.</remarks>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
