using ProductFlow.Pipelines;

namespace ProductFlow;

/// <summary>A pipeline, catalog or schema file is invalid: the CLI exits with 2.</summary>
/// <remarks>Carries every problem found, not only the first (<see cref="Problems"/>).</remarks>
public sealed class PipelineDefinitionException : ProductFlowException
{
    public PipelineDefinitionException(IReadOnlyList<DefinitionProblem> problems, Exception? innerException = null)
        : base(Describe(problems), problems[0].File, innerException)
    {
        Problems = problems;
        Hint = "fix the property at that JSON path; schemas/*.schema.json documents every property";
    }

    public PipelineDefinitionException(DefinitionProblem problem, Exception? innerException = null)
        : this([problem], innerException)
    {
    }

    public IReadOnlyList<DefinitionProblem> Problems { get; }

    /// <summary>The JSON path of the first offending property, such as <c>$.source.format</c>.</summary>
    public string JsonPath => Problems[0].JsonPath;

    /// <summary>Every problem, one per line (the CLI prints them all, each on a line of its own).</summary>
    private static string Describe(IReadOnlyList<DefinitionProblem> problems)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return string.Join('\n', problems);
    }
}
