using ProductFlow.Catalog;
using ProductFlow.Rules;

namespace ProductFlow.Channels;

/// <summary>The rules the channels of a run add to it (see <see cref="RuleSet.Create"/>), in the order they run.</summary>
/// <remarks>
/// After the pipeline's channel checks, completeness and schema: <c>value.formula-like</c> for every channel, then
/// <c>media.unresolved</c> for every channel, then each kind's own rules (such as Google's), channel by channel.
/// </remarks>
public static class ChannelRules
{
    /// <param name="channels">The pipeline's channels.</param>
    /// <param name="views">The run's channel views: every rule of a channel reads its records through the same one.</param>
    public static IEnumerable<IRule> For(IReadOnlyList<ChannelDefinition> channels, ChannelViews views)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(views);
        var rules = new List<IRule>();
        rules.AddRange(channels.Select(c => FormulaLikeRule.For(c, views)).OfType<IRule>());
        rules.AddRange(channels.Select(c => MediaUnresolvedRule.For(c, views)).OfType<IRule>());
        rules.AddRange(channels.SelectMany(c => ChannelWriters.All.TryGetValue(c.Kind, out var kind) ? kind.Rules(c, views) : []));
        return rules;
    }
}
