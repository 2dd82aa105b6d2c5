using System.Text.RegularExpressions;

namespace ProductFlow.Pipelines.Transforms;

/// <summary>One compiled transformation step of a mapping: text in, text out.</summary>
internal interface ITransform
{
    /// <summary>The rule id a value records in its lineage when this step changes it.</summary>
    string Rule { get; }

    /// <exception cref="RegexMatchTimeoutException">A regular expression ran past <see cref="TransformFactory.RegexTimeout"/>.</exception>
    string Apply(string text);
}
