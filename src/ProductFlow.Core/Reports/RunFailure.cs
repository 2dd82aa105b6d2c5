namespace ProductFlow.Reports;

/// <summary>Why a run failed: where reading stopped.</summary>
public sealed record RunFailure(string Message, string? File, long? Line);
