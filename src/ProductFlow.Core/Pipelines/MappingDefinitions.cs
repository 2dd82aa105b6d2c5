using ProductFlow.Pipelines.Transforms;

namespace ProductFlow.Pipelines;

/// <summary>Checks every field of a mapping before anything runs: where its text comes from (column, constant or template), its pattern and its transformation steps.</summary>
internal static class MappingDefinitions
{
    public static void Check(MappingOptions mapping, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        foreach (var (name, field) in new[] { ("sku", mapping.Sku), ("parent", mapping.Parent), ("family", mapping.Family), ("categories", mapping.Categories), ("enabled", mapping.Enabled) })
        {
            if (field is not null)
            {
                CheckField(field, "$.mapping." + name, problem);
            }
        }

        for (var i = 0; i < mapping.Values.Count; i++)
        {
            CheckField(mapping.Values[i], $"$.mapping.values[{i}]", problem);
        }
    }

    private static void CheckField(ColumnMapping field, string path, Action<string, string> problem)
    {
        var sources = new[] { ("column", field.Column), ("constant", field.Constant), ("template", field.Template) }.Where(s => s.Item2 is not null).Select(s => s.Item1).ToList();
        if (sources.Count != 1)
        {
            problem(path, "give one of 'column', 'constant' or 'template'" + (sources.Count > 1 ? ", not " + string.Join(" and ", sources) : ""));
        }

        if (field.Template is { } template)
        {
            try
            {
                _ = RowTemplate.Parse(template);
            }
            catch (ArgumentException e)
            {
                problem(path + ".template", e.Message);
            }
        }

        if (field.Pattern is { } pattern && TransformFactory.RegexProblem(pattern) is { } why)
        {
            problem(path + ".pattern", why);
        }

        if (field.Transform.Count > FieldTransforms.MaxSteps)
        {
            problem(path + ".transform", $"a field takes at most {FieldTransforms.MaxSteps} transformation steps");
        }

        for (var i = 0; i < field.Transform.Count; i++)
        {
            TransformFactory.Check(field.Transform[i], $"{path}.transform[{i}]", problem);
        }
    }
}
