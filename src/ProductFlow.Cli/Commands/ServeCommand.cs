using System.CommandLine;
using ProductFlow.Cli.Output;

namespace ProductFlow.Cli.Commands;

/// <summary><c>productflow serve</c>: the service host (partner API, health, events). Only this command builds the web host.</summary>
/// <remarks>Its options are plain strings and flags: nothing here loads ProductFlow.Server until the command runs
/// (<see cref="ServeAction"/>), so every other command starts as fast as before the host existed.</remarks>
internal static class ServeCommand
{
    public static readonly Option<bool> Embedded = new("--embedded")
    {
        Description = "Run on the data folder alone: the SQLite store and the exports in it, no other server needed.",
    };

    public static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where to listen (default http://127.0.0.1:5080: loopback only).",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    public static readonly Option<string> LogFormat = new Option<string>("--log-format")
    {
        Description = "text (default) or json (compact JSON lines for a log collector).",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");

    public static readonly Option<string?> Data = new("--data", "-d")
    {
        Description = "The data folder (default: ProductFlow:DataDirectory, else ./data).",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the service host: the partner API, health endpoints and event delivery, configured from appsettings.json and the environment.")
        {
            Embedded, Urls, Data, LogFormat,
        }.WithExamples(
            "productflow serve --embedded",
            "productflow serve --embedded --urls http://127.0.0.1:8080 --data /srv/productflow/data",
            "ProductFlow__Store__ConnectionString=... ProductFlow__Blob__ConnectionString=... productflow serve --urls http://0.0.0.0:8080 --log-format json");
        command.SetAction((result, ct) => ServeAction.RunAsync(result, ct));
        return command;
    }
}
