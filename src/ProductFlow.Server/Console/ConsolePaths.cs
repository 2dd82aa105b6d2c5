using Microsoft.AspNetCore.Http;

namespace ProductFlow.Server.Console;

/// <summary>Where the console's pages are: every link is made here, each path segment escaped.</summary>
public static class ConsolePaths
{
    public const string Root = "/console";

    public const string SignIn = Root + "/sign-in";

    public const string SignOut = Root + "/sign-out";

    public const string Runs = Root + "/runs";

    public const string Upload = Root + "/upload";

    public const string Products = Root + "/products";

    public const string Quarantine = Root + "/quarantine";

    public const string Channels = Root + "/channels";

    public const string Admin = Root + "/admin";

    public const string Assets = Root + "/assets";

    public static string Run(string id) => $"{Runs}/{Segment(id)}";

    public static string RunFile(string id, string file) => $"{Runs}/{Segment(id)}/{Segment(file)}";

    /// <summary>A product's page: its SKU in the query, where any character is safe (a SKU may hold a <c>/</c>, which a path segment cannot carry).</summary>
    public static string Product(string sku) => $"{Root}/product?sku={Uri.EscapeDataString(sku)}";

    public static string Channel(string code) => $"{Channels}/{Segment(code)}";

    public static string Segment(string value) => Uri.EscapeDataString(value);

    public static string Validation(string id) => Run(id);

    public static string QuarantineCsv(string pipeline) => $"{Quarantine}/{Segment(pipeline)}.csv";

    public static string QuarantineReplay(string pipeline) => $"{Quarantine}/{Segment(pipeline)}/replay";

    public static string ChannelPublish(string code) => $"{Channel(code)}/publish";

    /// <summary>Whether <paramref name="id"/> can be a run's id (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, never a path): ids are used in
    /// report paths, so anything else is not looked up at all.</summary>
    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= 100 } && !id.Contains("..", StringComparison.Ordinal) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Whether a request is one the console's script makes for data (answered with a status, never a page).</summary>
    public static bool IsData(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.Value?.EndsWith(".json", StringComparison.Ordinal) == true;
    }

    /// <summary>A local return path after signing in (<c>/console/...</c>), else the console's first page: never another site.</summary>
    public static string LocalReturn(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url.StartsWith(Root + "/", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : Runs;
}
