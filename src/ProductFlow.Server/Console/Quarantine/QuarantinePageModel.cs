using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Quarantine;

/// <summary>What the quarantine page shows: per pipeline the user works on, its open entries counted by rule; the entries of the selected
/// pipeline (and rule), open and recently closed.</summary>
public sealed record QuarantinePageModel(
    IReadOnlyList<PipelineQuarantine> Pipelines, string? Pipeline, string? Rule, IReadOnlyList<QuarantineLine> Open, IReadOnlyList<QuarantineLine> Closed,
    bool MoreOpen, bool MayReplay)
{
    /// <summary>Why the last replay upload was not done, shown above the page.</summary>
    public string? Problem { get; init; }
}

/// <summary>A pipeline's open entries: how many, and how many per rule.</summary>
public sealed record PipelineQuarantine(string Pipeline, long Open, IReadOnlyList<KeyValuePair<string, long>> ByRule);

/// <summary>One entry as a line of the page: the run and line it was rejected at, its SKU, the issues, and the run that closed it.</summary>
public sealed record QuarantineLine(QuarantineEntry Entry, string Pipeline, IReadOnlyList<Issue> Issues);
