using System.Globalization;
using System.Text.RegularExpressions;
using ProductFlow.Catalog;
using ProductFlow.Expressions;
using ProductFlow.Primitives;

namespace ProductFlow.Pipelines;

/// <summary>Checks a declared check before anything runs: its properties, attributes, channel, locale, pattern and expressions.</summary>
internal static class CheckDefinitions
{
    public static void Check(CheckOptions check, PipelineDefinition definition, ProductCatalog catalog, string path, Action<string, string> problem)
    {
        PipelineLoader.CheckScope(check.Channel, check.Locale, definition, catalog, path, problem);

        switch (check.Kind)
        {
            case "required":
                if (check.Attributes.Count == 0)
                {
                    problem(path, "a required check needs 'attributes'");
                }

                PipelineLoader.CheckAttributes(check.Attributes, path + ".attributes", catalog, problem);
                break;
            case "pattern" or "length" or "range" or "dateRange":
                CheckValueCheck(check, catalog, path, problem);
                break;
            case "expression":
                if (check.Assert is null)
                {
                    problem(path, "an expression check needs 'assert'");
                }

                CheckExpression(check.Assert, path + ".assert", catalog, problem);
                CheckExpression(check.When, path + ".when", catalog, problem);
                break;
            default:
                problem(path + ".kind", $"unknown check kind '{check.Kind}'");
                break;
        }
    }

    private static void CheckValueCheck(CheckOptions check, ProductCatalog catalog, string path, Action<string, string> problem)
    {
        if (check.Attribute is null || catalog.FindAttribute(check.Attribute) is null)
        {
            problem(path + ".attribute", check.Attribute is null ? $"a {check.Kind} check needs 'attribute'" : $"unknown attribute '{check.Attribute}'");
        }

        if (check.Kind == "pattern")
        {
            try
            {
                _ = new Regex(check.Pattern ?? throw new ArgumentException("a pattern check needs 'pattern'"), RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                problem(path + ".pattern", "is not a valid regular expression: " + e.Message);
            }
        }

        foreach (var (name, bound) in new[] { ("min", check.Min), ("max", check.Max) })
        {
            var valid = bound is null || check.Kind switch
            {
                "length" => int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out _),
                "range" => CanonicalNumber.TryParse(bound, out _),
                "dateRange" => DateOnly.TryParseExact(bound, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ => true,
            };
            if (!valid)
            {
                problem($"{path}.{name}", $"'{bound}' is not a valid bound for a {check.Kind} check");
            }
        }
    }

    private static void CheckExpression(string? text, string path, ProductCatalog catalog, Action<string, string> problem)
    {
        if (text is null)
        {
            return;
        }

        try
        {
            var expression = RuleExpression.Parse(text);
            foreach (var field in expression.Fields.Where(f => !CatalogLoader.RecordFields.Contains(f) && catalog.FindAttribute(f) is null))
            {
                problem(path, $"unknown field '{field}'");
            }
        }
        catch (ExpressionException e)
        {
            problem(path, e.Message);
        }
    }
}
