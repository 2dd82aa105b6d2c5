using ProductFlow.Access;
using ProductFlow.Scheduling;

namespace ProductFlow.Server.Console.Admin;

/// <summary>What the admin page shows: partners with their channels and last pull, suppliers, users, schedules with their next run, what
/// can be granted, and the outcome of the last action (a new key is shown this once).</summary>
public sealed record AdminPageModel(
    IReadOnlyList<(Principal Partner, AccessRecord? LastPull)> Partners, IReadOnlyList<Principal> Suppliers, IReadOnlyList<Principal> Users,
    IReadOnlyList<(Schedule Schedule, DateTimeOffset? Next)> Schedules, IReadOnlyList<string> Channels, IReadOnlyList<string> Pipelines)
{
    public AdminOutcome? Outcome { get; init; }
}

/// <summary>What an admin action did, in words, and the new key it made (never stored, never shown again).</summary>
public sealed record AdminOutcome(string Message, bool Failed = false, string? Key = null);
