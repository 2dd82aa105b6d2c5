using ProductFlow.Connectors;

namespace ProductFlow.Mapping;

/// <summary>Turns source rows into canonical records: by a pipeline's column mapping, or by a format's own conventions (Akeneo).</summary>
public interface IRecordMapper
{
    /// <summary>The columns the mapper reads, which a feed must have.</summary>
    IReadOnlyCollection<string> RequiredColumns { get; }

    MappedRecord Map(SourceRow row);
}
