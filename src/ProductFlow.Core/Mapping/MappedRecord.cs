using ProductFlow.Connectors;
using ProductFlow.Model;

namespace ProductFlow.Mapping;

/// <summary>A source row turned into a canonical record, with the issues found on the way.</summary>
public sealed class MappedRecord
{
    public MappedRecord(SourceRow row, ProductRecord record)
    {
        Row = row;
        Record = record;
    }

    public SourceRow Row { get; }

    public ProductRecord Record { get; }

    private List<Issue>? _issues; // made on the first issue: most records have none

    /// <summary>The issues found so far, in the order they were found (<see cref="AddIssue"/>).</summary>
    public IReadOnlyList<Issue> Issues => (IReadOnlyList<Issue>?)_issues ?? [];

    /// <summary>The product models above the record (nearest first) when its parent is a model the run knows (in its feed or the store); <c>null</c> otherwise.</summary>
    public ModelChain? Models { get; set; }

    /// <summary>Whether a record-level error keeps the record out of the store.</summary>
    public bool IsRejected => _issues?.Exists(i => i.Severity == Severity.Error && i.Channel is null) == true;

    public void AddIssue(Issue issue) => (_issues ??= []).Add(issue ?? throw new ArgumentNullException(nameof(issue)));

    /// <summary>The channels that a channel-level error keeps the record off, each once, in the order of their first error.</summary>
    public IReadOnlyList<string> BlockedChannels
    {
        get
        {
            if (_issues is null)
            {
                return [];
            }

            List<string>? channels = null; // most records have no channel-level error: nothing is allocated for them
            foreach (var issue in _issues)
            {
                if (issue is { Severity: Severity.Error, Channel: { } channel } && channels?.Contains(channel) != true)
                {
                    (channels ??= []).Add(channel);
                }
            }

            return channels ?? [];
        }
    }
}
