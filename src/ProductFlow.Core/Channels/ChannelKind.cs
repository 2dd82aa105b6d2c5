using ProductFlow.Catalog;
using ProductFlow.Rules;

namespace ProductFlow.Channels;

/// <summary>A channel kind's registration: its name, how the publisher cuts its deltas and says removals, its writer and its rules.</summary>
/// <remarks>
/// Each kind declares itself in its own folder (<c>Channels/&lt;Kind&gt;/</c>, a static <c>Registration</c>) and is listed once in
/// <see cref="ChannelWriters.All"/>. The rules every channel shares read the kind's fields from here: <c>value.formula-like</c>
/// (<see cref="UnguardedTextFields"/>) and <c>media.unresolved</c> (<see cref="ImageFields"/>).
/// </remarks>
public sealed record ChannelKind(string Name, ChannelGrouping Grouping, RemovalPolicy Removals)
{
    /// <summary>The writer of a channel of this kind (given by its view of records), on <c>output</c>, for a full file or a delta.</summary>
    public required Func<ChannelView, Stream, ExportMode, IChannelWriter> CreateWriter { get; init; }

    /// <summary>The extension of the kind's data file (with its dot), by channel: <c>.csv</c> unless the kind says otherwise.</summary>
    public Func<ChannelDefinition, string> Extension { get; init; } = _ => ".csv";

    /// <summary>The catalog fields behind the text columns a machine reads unguarded (rule <c>value.formula-like</c>); <c>null</c> when the kind guards its values.</summary>
    public Func<ChannelDefinition, IEnumerable<string?>>? UnguardedTextFields { get; init; }

    /// <summary>The catalog fields behind the columns that link images (rule <c>media.unresolved</c>); <c>null</c> when the kind links none.</summary>
    public Func<ChannelDefinition, ProductCatalog, IEnumerable<string?>>? ImageFields { get; init; }

    /// <summary>The kind's own rules for a channel, run after the rules every channel shares; they read records through the run's view of the channel.</summary>
    public Func<ChannelDefinition, ChannelViews, IEnumerable<IRule>> Rules { get; init; } = (_, _) => [];
}
