using System.Runtime.CompilerServices;
using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>$dynamicRef</c> whose initial target declares the matching <c>$dynamicAnchor</c>: the
/// outermost resource in the dynamic scope with that anchor wins, else the initial target.</summary>
/// <remarks>A <c>$dynamicRef</c> without that "bookend" is compiled as a plain <see cref="RefValidator"/>.</remarks>
internal sealed class DynamicRefValidator(SchemaPosition position, SchemaNode initialTarget, string anchor) : KeywordValidator(position, "$dynamicRef")
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var target = context.FindDynamicAnchor(anchor) ?? initialTarget;
        if (!context.Collecting)
        {
            return target.Validate(instance, context, evaluated);
        }

        context.PushKeyword("$dynamicRef");
        var ok = target.Validate(instance, context, evaluated);
        context.PopKeyword();
        return ok;
    }
}
