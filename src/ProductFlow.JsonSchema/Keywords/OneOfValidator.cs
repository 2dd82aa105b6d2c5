using System.Globalization;
using System.Text.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>oneOf</c>: exactly one subschema must match.</summary>
internal sealed class OneOfValidator(SchemaPosition position, SchemaNode[] schemas) : KeywordValidator(position, "oneOf")
{
    private readonly string[] _paths = SubschemaPaths.For("oneOf", schemas.Length);

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        var collecting = context.Collecting;
        var branchErrors = collecting ? new List<ValidationError>() : null;
        var outer = collecting ? context.CollectInto(branchErrors) : null;
        var first = -1;
        var second = -1;
        for (var i = 0; i < schemas.Length && second < 0; i++)
        {
            if (collecting)
            {
                context.PushKeyword(_paths[i]);
            }

            var branch = evaluated is null ? null : context.RentEvaluated();
            var ok = schemas[i].Validate(instance, context, branch);
            if (branch is not null)
            {
                if (ok && first < 0)
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
                if (first < 0)
                {
                    first = i;
                }
                else
                {
                    second = i;
                }
            }
        }

        if (collecting)
        {
            context.CollectInto(outer);
        }

        if (first >= 0 && second < 0)
        {
            return true;
        }

        if (!collecting)
        {
            return false;
        }

        if (first < 0)
        {
            context.Fail(this, "must match exactly one of the schemas in oneOf, but matches none");
            outer!.AddRange(branchErrors!);
        }
        else
        {
            context.Fail(this, string.Create(CultureInfo.InvariantCulture, $"must match exactly one of the schemas in oneOf, but matches more (oneOf/{first} and oneOf/{second})"));
        }

        return false;
    }
}
