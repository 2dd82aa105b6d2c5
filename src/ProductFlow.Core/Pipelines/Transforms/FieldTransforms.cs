using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using ProductFlow.Pipelines;

namespace ProductFlow.Pipelines.Transforms;

/// <summary>The transformations of one field's mapping, compiled once per run: its template, its pattern and its steps.</summary>
/// <remarks>
/// <see cref="Apply"/> runs the pattern, then the steps in order, and says which of them changed the text: their rule ids,
/// joined by <c>, </c>, become the value's lineage rule (<c>mapping.trim, mapping.title</c>).
/// </remarks>
internal sealed class FieldTransforms
{
    /// <summary>The rule id of a value made by a template.</summary>
    public const string TemplateRule = "mapping.template";

    /// <summary>The rule id of a value a pattern extracted from its cell.</summary>
    public const string PatternRule = "mapping.pattern";

    /// <summary>No template, no pattern, no step.</summary>
    public static readonly FieldTransforms None = new(null, null, []);

    /// <summary>The most steps one field takes.</summary>
    public const int MaxSteps = 62;

    private readonly Regex? _pattern;
    private readonly ITransform[] _steps;

    // The joined rule ids of each combination of steps that changed a value, made once (a run changes values in few combinations).
    private readonly ConcurrentDictionary<ulong, string> _rules = new();

    private FieldTransforms(RowTemplate? template, Regex? pattern, ITransform[] steps)
    {
        Template = template;
        _pattern = pattern;
        _steps = steps;
    }

    public RowTemplate? Template { get; }

    public bool IsEmpty => Template is null && _pattern is null && _steps.Length == 0;

    /// <summary>Compiles the template, pattern and steps of <paramref name="mapping"/>; case steps use <paramref name="culture"/>.</summary>
    /// <exception cref="ArgumentException">Something is not valid (the loader reports it before a run).</exception>
    public static FieldTransforms Compile(ColumnMapping mapping, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (mapping.Template is null && mapping.Pattern is null && mapping.Transform.Count == 0)
        {
            return None;
        }

        // 62 steps is far more than any mapping needs; the limit keeps every step's bit, the template's and the pattern's in one ulong.
        if (mapping.Transform.Count > MaxSteps)
        {
            throw new ArgumentException($"a field takes at most {MaxSteps} transformation steps");
        }

        return new FieldTransforms(
            mapping.Template is null ? null : RowTemplate.Parse(mapping.Template),
            mapping.Pattern is null ? null : TransformFactory.Regex(mapping.Pattern),
            mapping.Transform.Select(step => TransformFactory.Create(step, culture)).ToArray());
    }

    /// <summary>Transforms <paramref name="text"/> (a cell, a constant, or what the template made); <paramref name="rule"/> names the template, and
    /// the pattern and steps that changed the text, or is <c>null</c>.</summary>
    /// <returns>The text, or <c>null</c> when the pattern does not match.</returns>
    /// <exception cref="RegexMatchTimeoutException">The pattern or a regex step ran too long on this text.</exception>
    public string? Apply(string text, out string? rule)
    {
        rule = null;
        var changed = Template is null ? 0UL : 1UL;
        if (_pattern is not null)
        {
            var match = _pattern.Match(text);
            if (!match.Success)
            {
                return null;
            }

            var extracted = match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
            changed |= string.Equals(extracted, text, StringComparison.Ordinal) ? 0UL : 2UL;
            text = extracted;
        }

        for (var i = 0; i < _steps.Length; i++)
        {
            var next = _steps[i].Apply(text);
            if (!string.Equals(next, text, StringComparison.Ordinal))
            {
                changed |= 1UL << (i + 2);
                text = next;
            }
        }

        if (changed != 0)
        {
            rule = _rules.GetOrAdd(changed, static (bits, steps) => Join(bits, steps), _steps);
        }

        return text;
    }

    private static string Join(ulong bits, ITransform[] steps)
    {
        var rules = new List<string>();
        if ((bits & 1) != 0)
        {
            rules.Add(TemplateRule);
        }

        if ((bits & 2) != 0)
        {
            rules.Add(PatternRule);
        }

        for (var i = 0; i < steps.Length; i++)
        {
            if ((bits & (1UL << (i + 2))) != 0)
            {
                rules.Add(steps[i].Rule);
            }
        }

        return string.Join(", ", rules.Distinct(StringComparer.Ordinal));
    }
}
