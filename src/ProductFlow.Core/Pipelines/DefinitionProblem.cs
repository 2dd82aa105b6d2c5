namespace ProductFlow.Pipelines;

/// <summary>One problem of a definition file: where (file and JSON path) and what.</summary>
public sealed record DefinitionProblem(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}
