using System.Runtime.CompilerServices;
using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>$ref</c>: the target schema, resolved at compile time.</summary>
/// <remarks>The target may still be under construction when this is created (recursive schemas).
/// A schema that recurses without consuming the instance ends in <see cref="InsufficientExecutionStackException"/>
/// instead of a crashed process.</remarks>
internal sealed class RefValidator(SchemaPosition position, string keyword, SchemaNode target) : KeywordValidator(position, keyword)
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (!context.Collecting)
        {
            return target.Validate(instance, context, evaluated);
        }

        context.PushKeyword(KeywordSegment);
        var ok = target.Validate(instance, context, evaluated);
        context.PopKeyword();
        return ok;
    }
}
