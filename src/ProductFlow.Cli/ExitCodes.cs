namespace ProductFlow.Cli;

/// <summary>The exit codes of <c>productflow</c> (docs/cli.md, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Completed (a run with quarantined records completes).</summary>
    public const int Completed = 0;

    /// <summary><c>validate</c> found error-severity issues; <c>test</c> had a failing case.</summary>
    public const int ValidationErrors = 1;

    /// <summary>Usage or configuration error: bad arguments, pipeline or catalog file.</summary>
    public const int Usage = 2;

    /// <summary>The feed could not be read: the run failed, its report is written.</summary>
    public const int FeedUnreadable = 3;

    /// <summary>Infrastructure unavailable: store, folder or server.</summary>
    public const int Infrastructure = 4;

    /// <summary>A guard stopped the run (a full run that would remove too many products): nothing committed, report written.</summary>
    public const int GuardStopped = 5;

    /// <summary>A bug in ProductFlow: an exception nobody expected.</summary>
    public const int InternalError = 70;
}
