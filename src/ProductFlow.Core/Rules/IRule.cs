using ProductFlow.Mapping;

namespace ProductFlow.Rules;

/// <summary>A rule checks (and may normalise) one record, reporting problems to the context as issues.</summary>
/// <remarks>Rules never throw for bad data. They are compiled once per run, and called in the order of the <see cref="RuleSet"/>.</remarks>
public interface IRule
{
    void Apply(MappedRecord record, RuleContext context);
}
