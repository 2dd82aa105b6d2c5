using System.CommandLine;
using ProductFlow.Cli.Commands;
using ProductFlow.Running;

namespace ProductFlow.Cli.Extensions;

/// <summary>The <see cref="RunServices"/> of a command, in one place: <c>--data</c>, the store (<c>--store</c>, <c>PRODUCTFLOW_STORE</c>),
/// the exports (<c>--exports</c>, <c>PRODUCTFLOW_EXPORTS</c>), the events (<c>PRODUCTFLOW_EVENTGRID_*</c>) and the supplier email (<c>PRODUCTFLOW_SMTP_*</c>).</summary>
/// <remarks>Every command that runs a pipeline (<c>run</c>, <c>run --from-inbox</c>, <c>validate</c>, <c>quarantine replay</c>) builds
/// its runner here, so none can forget a setting.</remarks>
internal static class CliRunServices
{
    /// <param name="result">The command line.</param>
    /// <param name="pipelineFile">The pipeline file the command runs: its project holds the data folder when <c>--data</c> is not given.</param>
    public static RunServices From(ParseResult result, string? pipelineFile = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var data = StoreOptions.DataFolder(result, pipelineFile);
        var store = ProductStores.Factory(result.GetValue(StoreOptions.Store));
        return new RunServices
        {
            DataDirectory = data,
            OpenStore = cancellationToken => store(data, cancellationToken),
            Exports = ExportTargets.Open(result.GetValue(PublishOptions.Exports), data),
            Events = EventPublishers.FromEnvironment(),
            SupplierMail = Notifications.SmtpOptions.FromEnvironment() is { } smtp ? new Notifications.SupplierMail(smtp) : null,
        };
    }
}
