using System.Globalization;
using System.Text.RegularExpressions;
using ProductFlow.Pipelines;

namespace ProductFlow.Pipelines.Transforms;

/// <summary>Checks a transformation step when the pipeline loads, and compiles it once per run.</summary>
internal static class TransformFactory
{
    /// <summary>How long a regular expression of the mapping (a <c>replace</c> regex, a <c>pattern</c>) may run on one value.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The properties each kind takes besides <c>kind</c> and <c>id</c>.</summary>
    private static readonly Dictionary<string, string[]> Takes = new(StringComparer.Ordinal)
    {
        ["trim"] = [],
        ["replace"] = ["find", "regex", "with", "ignoreCase"],
        ["split"] = ["separator", "join", "index"],
        ["upper"] = [],
        ["lower"] = [],
        ["title"] = [],
        ["prefix"] = ["value"],
        ["suffix"] = ["value"],
    };

    /// <summary>The kinds of step (the pipeline schema lists the same).</summary>
    public static IEnumerable<string> Kinds => Takes.Keys;

    /// <summary>Reports what is wrong with <paramref name="step"/> at <paramref name="path"/> (<c>$.mapping.values[0].transform[1]</c>).</summary>
    public static void Check(TransformOptions step, string path, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!Takes.TryGetValue(step.Kind, out var takes))
        {
            problem(path + ".kind", $"unknown transformation '{step.Kind}'" + DidYouMean.Suffix(step.Kind, Kinds));
            return;
        }

        foreach (var property in Given(step).Where(p => !takes.Contains(p)))
        {
            problem($"{path}.{property}", $"'{property}' does not apply to a {step.Kind} (it takes: {string.Join(", ", takes.Prepend("id"))})");
        }

        switch (step.Kind)
        {
            case "replace" when step.Find is null && step.Regex is null:
                problem(path, "a replace needs 'find' (literal text) or 'regex'");
                break;
            case "replace" when step.Find is not null && step.Regex is not null:
                problem(path, "a replace takes 'find' or 'regex', not both");
                break;
            case "replace" when step.Regex is not null && RegexProblem(step.Regex) is { } why:
                problem(path + ".regex", why);
                break;
            case "split" when string.IsNullOrEmpty(step.Separator):
                problem(path, "a split needs 'separator'");
                break;
            case "prefix" or "suffix" when step.Value is null:
                problem(path, $"a {step.Kind} needs 'value'");
                break;
        }
    }

    /// <summary>Why <paramref name="pattern"/> is no regular expression, or <c>null</c>.</summary>
    public static string? RegexProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException e)
        {
            return "is not a valid regular expression: " + e.Message;
        }
    }

    /// <summary>A regular expression of the mapping: compiled, culture-invariant, with <see cref="RegexTimeout"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is not valid.</exception>
    public static Regex Regex(string pattern, bool ignoreCase = false) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), RegexTimeout);

    /// <summary>Compiles a step that <see cref="Check"/> passed; <paramref name="culture"/> is the one case steps use.</summary>
    /// <exception cref="ArgumentException">The step is not valid (a pipeline not checked by the loader).</exception>
    public static ITransform Create(TransformOptions step, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(step);
        var rule = step.Id ?? "mapping." + step.Kind;
        return step.Kind switch
        {
            "trim" => new TrimTransform(rule),
            "replace" when step.Regex is { } regex => new RegexReplaceTransform(rule, Regex(regex, step.IgnoreCase), step.With),
            "replace" when step.Find is { Length: > 0 } find => new ReplaceTransform(rule, find, step.With, step.IgnoreCase),
            "split" when step.Separator is { Length: > 0 } separator => new SplitTransform(rule, separator, step.Join ?? ",", step.Index),
            "upper" or "lower" or "title" => new CaseTransform(rule, step.Kind, culture),
            "prefix" or "suffix" when step.Value is { } value => new AffixTransform(rule, value, step.Kind == "prefix"),
            _ => throw new ArgumentException($"the transformation '{step.Kind}' is incomplete or unknown", nameof(step)),
        };
    }

    private static IEnumerable<string> Given(TransformOptions step)
    {
        if (step.Find is not null)
        {
            yield return "find";
        }

        if (step.Regex is not null)
        {
            yield return "regex";
        }

        if (step.With.Length > 0)
        {
            yield return "with";
        }

        if (step.IgnoreCase)
        {
            yield return "ignoreCase";
        }

        if (step.Separator is not null)
        {
            yield return "separator";
        }

        if (step.Join is not null)
        {
            yield return "join";
        }

        if (step.Index is not null)
        {
            yield return "index";
        }

        if (step.Value is not null)
        {
            yield return "value";
        }
    }
}
