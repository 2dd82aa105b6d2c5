using System.Text.Json.Serialization;
using ProductFlow.Model;

namespace ProductFlow.Pipelines;

/// <summary>One declared check of a pipeline (<c>rules.checks[]</c>); <see cref="Kind"/> says which of its properties apply.</summary>
/// <remarks>
/// Kinds and their rule ids: <c>required</c> (<c>required</c>), <c>pattern</c> (<c>pattern</c>), <c>length</c>
/// (<c>length</c>), <c>range</c> (<c>number.range</c>), <c>dateRange</c> (<c>date.range</c>), <c>expression</c>
/// (<c>expression</c>). <see cref="Id"/> replaces the rule id. With <see cref="Channel"/>, the check reads the
/// channel view and an error keeps the record off that channel only; without, an error rejects the record.
/// </remarks>
public sealed class CheckOptions
{
    public required string Kind { get; init; }

    /// <summary>The rule id of this check's issues; default: the kind's rule id.</summary>
    public string? Id { get; init; }

    public Severity Severity { get; set; } = Severity.Error;

    public string? Channel { get; init; }

    public string? Locale { get; init; }

    /// <summary>The message of the issue; default: one that says what failed.</summary>
    public string? Message { get; init; }

    public string? Attribute { get; init; }

    /// <summary>For <c>required</c>: the attributes that must have a value.</summary>
    public IReadOnlyList<string> Attributes { get; set; } = [];

    /// <summary>For <c>pattern</c>: a regular expression the whole value must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>For <c>length</c>, <c>range</c> and <c>dateRange</c>: the bounds (numbers, or yyyy-MM-dd dates), inclusive.</summary>
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Min { get; init; }

    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Max { get; init; }

    /// <summary>For <c>expression</c>: the condition every record must satisfy.</summary>
    public string? Assert { get; init; }

    /// <summary>For <c>expression</c>: the check applies only to records for which this holds.</summary>
    public string? When { get; init; }
}
