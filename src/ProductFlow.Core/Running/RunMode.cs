namespace ProductFlow.Running;

/// <summary>Whether a run stores and publishes, or only checks.</summary>
public enum RunMode
{
    /// <summary>Read, check, store, publish (when the pipeline says <c>onRun</c>) and report.</summary>
    Run,

    /// <summary>Read and check with the same rules; nothing stored or published; report written.</summary>
    Validate,
}
