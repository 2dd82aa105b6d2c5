using Azure.Storage.Blobs;
using ProductFlow.Azure.Exports;
using ProductFlow.Cli.Commands;
using ProductFlow.Publishing;

namespace ProductFlow.Cli.Extensions;

/// <summary>Chooses where channels are published: <c>--exports</c>, else <c>PRODUCTFLOW_EXPORTS</c>, else <c>&lt;data&gt;/exports</c>.</summary>
/// <remarks>
/// A setting is a folder, or <c>blob:&lt;container&gt;[/&lt;prefix&gt;]</c> for Blob Storage, with the connection string
/// taken from <c>PRODUCTFLOW_BLOB</c> (configuration, never the command line, since it holds the account key).
/// </remarks>
internal static class ExportTargets
{
    public const string EnvironmentVariable = "PRODUCTFLOW_EXPORTS";
    private const string BlobScheme = "blob:";

    public static IBlobStore Open(string? option, string dataDirectory)
    {
        var setting = option is { Length: > 0 } ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured
            : Path.Combine(dataDirectory, "exports");
        if (!setting.StartsWith(BlobScheme, StringComparison.Ordinal))
        {
            return new FolderBlobStore(setting);
        }

        var target = setting[BlobScheme.Length..].Trim('/');
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var container = slash < 0 ? target : target[..slash];
        if (container.Length == 0)
        {
            throw new ProductFlowException($"'{setting}' names no container") { Hint = "write blob:<container> or blob:<container>/<prefix>" };
        }

        var connection = Environment.GetEnvironmentVariable(DoctorCommand.BlobVariable) is { Length: > 0 } value ? value
            : throw new ProductFlowException($"'{setting}' needs the storage connection string in {DoctorCommand.BlobVariable}") { Hint = "set it in the environment or the service's configuration" };
        try
        {
            return new BlobExportStore(new BlobContainerClient(connection, container), slash < 0 ? null : target[(slash + 1)..]);
        }
        catch (FormatException e)
        {
            throw new ProductFlowException($"{DoctorCommand.BlobVariable} is not a storage connection string ({e.Message.TrimEnd('.')})");
        }
    }
}
