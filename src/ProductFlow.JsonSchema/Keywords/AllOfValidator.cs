using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>allOf</c>: every subschema must match; their errors are reported as they are.</summary>
internal sealed class AllOfValidator(SchemaPosition position, SchemaNode[] schemas) : KeywordValidator(position, "allOf")
{
    private readonly string[] _paths = SubschemaPaths.For("allOf", schemas.Length);

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        var valid = true;
        var collecting = context.Collecting;
        for (var i = 0; i < schemas.Length; i++)
        {
            if (collecting)
            {
                context.PushKeyword(_paths[i]);
            }

            var ok = schemas[i].Validate(instance, context, evaluated);
            if (collecting)
            {
                context.PopKeyword();
            }

            if (!ok)
            {
                valid = false;
                if (!collecting)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}

/// <summary>Keyword paths <c>allOf/0</c>, <c>allOf/1</c>, ... built once at compile time.</summary>
internal static class SubschemaPaths
{
    public static string[] For(string keyword, int count) =>
        [.. Enumerable.Range(0, count).Select(i => keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
