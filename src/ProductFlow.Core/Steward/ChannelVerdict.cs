using ProductFlow.Model;

namespace ProductFlow.Steward;

/// <summary>Whether a product is published on a channel: whether its rules ran for it, and if it is not published, the issues that keep it off.</summary>
public sealed record ChannelVerdict(string Code, bool Checked, bool Published, IReadOnlyList<Issue> BlockedBy);
