using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>anyOf</c>: at least one subschema must match. Stops at the first match unless
/// annotations are needed; when none matches, every branch's errors follow the anyOf error.</summary>
internal sealed class AnyOfValidator(SchemaPosition position, SchemaNode[] schemas) : KeywordValidator(position, "anyOf")
{
    private readonly string[] _paths = SubschemaPaths.For("anyOf", schemas.Length);

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        var collecting = context.Collecting;
        var branchErrors = collecting ? new List<ValidationError>() : null;
        var outer = collecting ? context.CollectInto(branchErrors) : null;
        var valid = false;
        for (var i = 0; i < schemas.Length; i++)
        {
            if (collecting)
            {
                context.PushKeyword(_paths[i]);
            }

            var branch = evaluated is null ? null : context.RentEvaluated();
            var ok = schemas[i].Validate(instance, context, branch);
            if (branch is not null)
            {
                if (ok)
                {
                    evaluated!.UnionWith(branch);
                }

                context.ReturnEvaluated(branch);
            }

            if (collecting)
            {
                context.PopKeyword();
            }

            if (ok)
            {
                valid = true;
                if (evaluated is null)
                {
                    break;
                }
            }
        }

        if (!collecting)
        {
            return valid;
        }

        context.CollectInto(outer);
        if (valid)
        {
            return true;
        }

        context.Fail(this, "must match at least one of the schemas in anyOf");
        outer!.AddRange(branchErrors!);
        return false;
    }
}
