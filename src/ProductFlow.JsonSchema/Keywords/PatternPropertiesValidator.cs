using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Loading;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>patternProperties</c>: every property whose name matches a regex must match that regex's schema.</summary>
internal sealed class PatternPropertiesValidator : KeywordValidator
{
    private readonly Regex[] _regexes;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _paths;

    private PatternPropertiesValidator(SchemaPosition position, Regex[] regexes, SchemaNode[] schemas, string[] paths)
        : base(position, "patternProperties")
    {
        _regexes = regexes;
        _schemas = schemas;
        _paths = paths;
    }

    public Regex[] Regexes => _regexes;

    public static PatternPropertiesValidator Create(NodeBuilder builder, JsonElement value)
    {
        builder.Expect("patternProperties", value, JsonValueKind.Object, "an object");
        var regexes = new List<Regex>();
        var schemas = new List<SchemaNode>();
        var paths = new List<string>();
        foreach (var property in value.EnumerateObject())
        {
            regexes.Add(PatternValidator.CompileRegex(builder, "patternProperties", property.Name));
            schemas.Add(builder.Subschema("patternProperties", property.Name));
            paths.Add("patternProperties/" + JsonPointer.Escape(property.Name));
        }

        return new PatternPropertiesValidator(builder.Position, [.. regexes], [.. schemas], [.. paths]);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var collecting = context.Collecting;
        var position = -1;
        foreach (var property in instance.EnumerateObject())
        {
            position++;
            for (var i = 0; i < _regexes.Length; i++)
            {
                if (!PatternValidator.NameMatches(_regexes[i], property))
                {
                    continue;
                }

                evaluated?.Mark(position);
                if (collecting)
                {
                    context.PushKeyword(_paths[i]);
                    context.PushProperty(property.Name);
                }

                var ok = _schemas[i].Validate(property.Value, context, null);
                if (collecting)
                {
                    context.PopInstance();
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
        }

        return valid;
    }
}
