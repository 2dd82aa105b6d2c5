using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Running;

/// <summary>What runs run on: the data folder, the product store, the export store and the event publisher, provided once by the host or the CLI.</summary>
/// <remarks>
/// Long-lived and shared by every run of a process; a <see cref="RunRequest"/> says what one run does with them.
/// <see cref="Embedded"/> is the default of a laptop: the SQLite store and the exports in the data folder, no events.
/// </remarks>
public sealed record RunServices
{
    /// <summary>The data folder: <c>reports/</c>, and the embedded store and exports when no other is configured.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Opens the product store for one run (validate opens none); the caller disposes it.</summary>
    public required Func<CancellationToken, Task<IProductStore>> OpenStore { get; init; }

    /// <summary>Where channels are published.</summary>
    public required IBlobStore Exports { get; init; }

    /// <summary>Where each run's report files are kept besides its report folder (<c>&lt;runId&gt;/report.html</c>, ...: a Blob Storage
    /// container every node of the service reads); <c>null</c>: the data folder's <c>reports/</c> only.</summary>
    public Publishing.IBlobStore? Reports { get; init; }

    /// <summary>Where events go; <c>null</c>: no events and no outbox rows.</summary>
    /// <remarks>With a publisher, a run writes its events to the store's outbox as it commits (see <see cref="PipelineRunner"/>);
    /// an <see cref="OutboxSender"/> sends them with this publisher, after the run, in the CLI, or in the host's loop.</remarks>
    public IEventPublisher? Events { get; init; }

    /// <summary>Rows of a feed whose models are not grouped that a run holds in memory while it orders them; past it they go to a scratch file
    /// (<see cref="Ordering.RowSorter"/>). Default <see cref="Ordering.RowSorter.DefaultMaxHeldRows"/>; tests lower it.</summary>
    internal int MaxHeldRows { get; init; } = Ordering.RowSorter.DefaultMaxHeldRows;

    /// <summary>Product models a run holds in memory for their variants; past it they go to a scratch file. Default <see cref="AcceptedModels.DefaultMaxHeld"/>.</summary>
    internal int MaxHeldModels { get; init; } = AcceptedModels.DefaultMaxHeld;

    /// <summary>Told at the end of each run's reading whether the feed's rows were ordered (its models were not grouped) and whether they went to a scratch file (tests).</summary>
    internal Action<bool, bool>? Ordered { get; init; }

    /// <summary>Sends the supplier email after a run with rejections (pipeline <c>supplier</c>); <c>null</c>: no email.</summary>
    public Notifications.SupplierMail? SupplierMail { get; init; }

    /// <summary>The embedded default: <c>&lt;data&gt;/productflow.db</c>, <c>&lt;data&gt;/exports</c>, no events.</summary>
    public static RunServices Embedded(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        var data = Path.GetFullPath(dataDirectory);
        return new RunServices
        {
            DataDirectory = data,
            OpenStore = _ => Task.FromResult<IProductStore>(SqliteProductStore.Open(data)),
            Exports = new FolderBlobStore(Path.Combine(data, "exports")),
        };
    }
}
