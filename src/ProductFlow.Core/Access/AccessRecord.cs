namespace ProductFlow.Access;

/// <summary>One authenticated request, as operations read it back: who, what, which version, the HTTP status and bytes sent.</summary>
/// <remarks>Never the key. <see cref="Action"/> names the endpoint (<c>latest</c>, <c>versions</c>, <c>version</c>, <c>manifest</c>,
/// <c>changes</c>, <c>upload</c>); <see cref="Target"/> is the channel or pipeline.</remarks>
public sealed record AccessRecord(DateTimeOffset At, PrincipalKind Kind, string Principal, string Action, string? Target, int Status, long Bytes)
{
    public int? Version { get; init; }
}
