namespace ProductFlow.Inbox;

/// <summary>When a dropped feed is ready to be claimed.</summary>
public sealed class InboxOptions
{
    /// <summary>A file whose size and time have not changed for this long is complete. Default 30 seconds.</summary>
    public TimeSpan StableFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A claim whose process has not shown life for this long is taken as crashed and its feed goes back to the inbox. Default 15 minutes.</summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A file <c>&lt;name&gt;.done</c> beside a feed marks it complete at once. Default <c>.done</c>.</summary>
    public string DoneSuffix { get; init; } = ".done";
}
