namespace ProductFlow.Inbox;

/// <summary>A feed this process has claimed: moved out of the inbox into its own folder under <c>processing/</c>.</summary>
/// <param name="Name">The file name as the supplier dropped it.</param>
/// <param name="Path">Where the claimed file is now.</param>
public sealed record ClaimedFeed(string Name, string Path);
