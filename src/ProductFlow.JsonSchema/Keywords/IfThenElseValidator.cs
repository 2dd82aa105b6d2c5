using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>if</c>/<c>then</c>/<c>else</c>: <c>if</c> only selects; errors come from the chosen branch.</summary>
internal sealed class IfThenElseValidator(SchemaPosition position, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
    : KeywordValidator(position, "if")
{
    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (then is null && otherwise is null && evaluated is null)
        {
            return true;
        }

        var errors = context.Mute();
        var branch = evaluated is null ? null : context.RentEvaluated();
        var matched = condition.Validate(instance, context, branch);
        context.CollectInto(errors);
        if (branch is not null)
        {
            if (matched)
            {
                evaluated!.UnionWith(branch);
            }

            context.ReturnEvaluated(branch);
        }

        var next = matched ? then : otherwise;
        if (next is null)
        {
            return true;
        }

        var collecting = context.Collecting;
        if (collecting)
        {
            context.PushKeyword(matched ? "then" : "else");
        }

        var ok = next.Validate(instance, context, evaluated);
        if (collecting)
        {
            context.PopKeyword();
        }

        return ok;
    }
}
