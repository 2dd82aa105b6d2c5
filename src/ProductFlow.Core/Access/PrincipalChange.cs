namespace ProductFlow.Access;

/// <summary>What a change to a principal did: the principal as it now is and, when one was made, its new key (shown once, never stored).</summary>
/// <remarks>A refusal is a value, not an exception: <see cref="Outcome"/> says whether the principal already existed (add) or did not
/// exist (every other change); the caller words it (a command's hint, a page's message).</remarks>
public sealed record PrincipalChange(PrincipalOutcome Outcome, Principal? Principal, string? Key = null)
{
    public bool Done => Outcome == PrincipalOutcome.Done;
}

/// <summary>How a change to a principal ended.</summary>
public enum PrincipalOutcome
{
    Done,

    /// <summary>Add found a principal of that kind and name.</summary>
    Exists,

    /// <summary>There is no principal of that kind and name to change.</summary>
    NotFound,
}
