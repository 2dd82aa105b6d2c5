using ProductFlow.Channels;
using ProductFlow.Mapping;
using ProductFlow.Pipelines;
using ProductFlow.Rules;

namespace ProductFlow.Tests.Support;

/// <summary>A pipeline on <see cref="Some.Catalog"/> that feeds the partner channel, with the rules a test gives.</summary>
internal static class SomePipeline
{
    public static LoadedPipeline With(RulesOptions rules) => new(
        new PipelineDefinition
        {
            Name = "test",
            Catalog = "catalog.json",
            Source = new SourceOptions(),
            Mapping = new MappingOptions { Sku = new ColumnMapping { Column = "sku" } },
            Rules = rules,
            Channels = ["partner"],
        },
        Some.Catalog());

    public static LoadedPipeline With(params CheckOptions[] checks) => With(new RulesOptions { Checks = checks });

    /// <summary>Applies the pipeline's rules to each record, in order, to the end of the feed, and returns them with their issues.</summary>
    public static List<MappedRecord> Apply(LoadedPipeline pipeline, params ProductFlow.Model.ProductRecord[] records)
    {
        using var rules = RuleSet.Create(pipeline, ChannelRules.For);
        var mapped = records.Select(Some.Mapped).ToList();
        var done = new List<MappedRecord>();
        mapped.ForEach(record => done.AddRange(rules.Apply(record)));
        done.AddRange(rules.Finish());
        Assert.That(done, Is.EqualTo(mapped), "every record comes back once, in feed order");
        return mapped;
    }
}
