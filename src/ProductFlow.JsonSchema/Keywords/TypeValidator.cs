using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Flat;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>type</c>: one type name or an array of them; "integer" accepts numbers with a zero fraction (1.0).</summary>
internal sealed class TypeValidator : KeywordValidator
{
    private const int Null = 1, Boolean = 2, Object = 4, Array = 8, Number = 16, String = 32, Integer = 64;

    private readonly int _allowed;

    /// <summary>The only JSON kind this type accepts (<c>"string"</c> or <c>"number"</c>), so a string or
    /// number family validator can check it itself; <c>null</c> otherwise.</summary>
    public JsonValueKind? SingleKind => _allowed switch
    {
        String => JsonValueKind.String,
        Number => JsonValueKind.Number,
        _ => null,
    };
    private readonly string _message;

    private TypeValidator(SchemaPosition position, int allowed, string description)
        : base(position, "type")
    {
        _allowed = allowed;
        _message = "must be " + description;
    }

    public static TypeValidator Create(NodeBuilder builder, JsonElement value)
    {
        var names = new List<string>();
        if (value.ValueKind == JsonValueKind.String)
        {
            names.Add(value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                names.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw builder.Invalid("type", "must be a type name or an array of type names"));
            }
        }
        else
        {
            throw builder.Invalid("type", "must be a type name or an array of type names");
        }

        var allowed = 0;
        foreach (var name in names)
        {
            allowed |= name switch
            {
                "null" => Null,
                "boolean" => Boolean,
                "object" => Object,
                "array" => Array,
                "number" => Number,
                "string" => String,
                "integer" => Integer,
                _ => throw builder.Invalid("type", $"unknown type '{name}'"),
            };
        }

        var described = names.Select(n => n is "integer" or "object" or "array" ? "an " + n : n == "null" ? "null" : "a " + n);
        return new TypeValidator(builder.Position, allowed, string.Join(" or ", described));
    }

    /// <summary>Whether a value of <paramref name="kind"/> (a number: an integer or not) has an allowed type, as <see cref="Validate"/> judges it.</summary>
    public bool Accepts(FlatKind kind, bool isInteger)
    {
        var bit = kind switch
        {
            FlatKind.String => String,
            FlatKind.Number => Number,
            FlatKind.Boolean => Boolean,
            FlatKind.Array => Array,
            _ => Object,
        };
        return (_allowed & bit) != 0 || (kind == FlatKind.Number && isInteger && (_allowed & Integer) != 0);
    }

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        var kind = instance.ValueKind switch
        {
            JsonValueKind.String => String,
            JsonValueKind.Number => Number,
            JsonValueKind.Object => Object,
            JsonValueKind.Array => Array,
            JsonValueKind.True or JsonValueKind.False => Boolean,
            _ => Null,
        };

        if ((_allowed & kind) != 0)
        {
            return true;
        }

        if (kind == Number && (_allowed & Integer) != 0 && JsonNumber.From(instance).IsInteger(instance))
        {
            return true;
        }

        return context.Fail(this, _message);
    }
}
