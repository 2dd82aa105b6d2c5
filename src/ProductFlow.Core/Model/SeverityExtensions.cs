namespace ProductFlow.Model;

/// <summary>A severity as ProductFlow's files write it: <c>error</c> or <c>warning</c> (as in pipeline files and report.json).</summary>
public static class SeverityExtensions
{
    public static string Code(this Severity severity) => severity == Severity.Error ? "error" : "warning";
}
