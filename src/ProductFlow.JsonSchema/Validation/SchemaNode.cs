using System.Text.Json;

namespace ProductFlow.JsonSchema.Validation;

/// <summary>A compiled schema: its keyword validators in evaluation order.</summary>
/// <remarks>Created empty and registered before its keywords are compiled, so recursive
/// <c>$ref</c>s can point at it. A node with an unevaluated keyword collects its own annotations
/// and passes them up only when it is valid.</remarks>
internal sealed class SchemaNode
{
    private KeywordValidator[] _keywords = [];
    private bool _ownAnnotations;

    public SchemaNode(SchemaResource resource, SchemaPosition position)
    {
        Resource = resource;
        Position = position;
    }

    public SchemaResource Resource { get; }

    /// <summary>The schema's own <c>$dynamicAnchor</c>, known before its keywords are compiled.</summary>
    public string? DynamicAnchor { get; init; }

    public SchemaPosition Position { get; }

    /// <summary><c>true</c> for <c>true</c>, <c>{}</c> and schemas with only annotation keywords.</summary>
    public bool AcceptsAll => _keywords.Length == 0;

    /// <summary>The compiled keywords, in evaluation order (read by <see cref="Flat.FlatValueCheck"/>).</summary>
    public IReadOnlyList<KeywordValidator> Keywords => _keywords;

    /// <summary><c>true</c> for the <c>false</c> schema.</summary>
    public bool RejectsAll { get; private set; }

    public void Initialize(KeywordValidator[] keywords, bool ownAnnotations, bool rejectsAll)
    {
        _keywords = keywords;
        _ownAnnotations = ownAnnotations;
        RejectsAll = rejectsAll;
    }

    public bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        var keywords = _keywords;
        if (!_ownAnnotations && !context.TracksScope && !context.Collecting)
        {
            // The hot path: nothing to track, stop at the first failure.
            foreach (var keyword in keywords)
            {
                if (!keyword.Validate(instance, context, evaluated))
                {
                    return false;
                }
            }

            return true;
        }

        if (keywords.Length == 0)
        {
            return true;
        }

        var entered = context.TracksScope && context.EnterResource(Resource);
        var local = _ownAnnotations ? context.RentEvaluated() : evaluated;
        var valid = true;
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!keywords[i].Validate(instance, context, local))
            {
                valid = false;
                if (!context.Collecting)
                {
                    break;
                }
            }
        }

        if (_ownAnnotations)
        {
            if (valid && evaluated is not null)
            {
                evaluated.UnionWith(local!);
            }

            context.ReturnEvaluated(local!);
        }

        if (entered)
        {
            context.LeaveResource();
        }

        return valid;
    }
}
