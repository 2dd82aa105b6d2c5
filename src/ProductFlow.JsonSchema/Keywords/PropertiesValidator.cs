using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Regexes;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary>The object-shape family in one pass over the instance: <c>properties</c>,
/// <c>patternProperties</c>, <c>additionalProperties</c> and <c>required</c>.</summary>
/// <remarks>
/// One hash lookup per instance property answers all four keywords (declared schema, required
/// slot, "additional" or not). For a handful of names and nothing else, the named properties are
/// looked up directly instead. While collecting errors, <c>required</c> is checked first by
/// <see cref="RequiredValidator"/> so its errors keep their place.
/// </remarks>
internal sealed class PropertiesValidator : KeywordValidator
{
    private const int DirectLookupLimit = 3;

    private readonly StringTable _names;
    private readonly SchemaNode?[] _schemas;
    private readonly string[] _paths;
    private readonly int[] _requiredSlot;
    private readonly ulong _allRequired;
    private readonly RequiredValidator? _required;
    private readonly PatternSchema[] _patterns;
    private readonly SchemaNode? _additional;
    private readonly string _additionalLocation;
    private readonly bool _direct;

    public PropertiesValidator(SchemaPosition position, PropertiesParts parts)
        : base(position, "properties")
    {
        var names = new List<string>(parts.Properties.Select(p => p.Name));
        var schemas = new List<SchemaNode?>(parts.Properties.Select(p => (SchemaNode?)p.Schema));
        var requiredSlot = Enumerable.Repeat(-1, names.Count).ToList();
        var requiredNames = parts.Required?.Names ?? [];
        for (var slot = 0; slot < requiredNames.Count; slot++)
        {
            var index = names.IndexOf(requiredNames[slot]);
            if (index < 0)
            {
                names.Add(requiredNames[slot]);
                schemas.Add(null);
                requiredSlot.Add(slot);
            }
            else
            {
                requiredSlot[index] = slot;
            }
        }

        _names = new StringTable(names);
        _schemas = [.. schemas];
        _paths = [.. names.Select(n => "properties/" + Loading.JsonPointer.Escape(n))];
        _requiredSlot = [.. requiredSlot];
        _required = parts.Required;
        _allRequired = requiredNames.Count is > 0 and <= 64 ? ulong.MaxValue >> (64 - requiredNames.Count) : 0;
        _patterns = [.. parts.Patterns];
        _additional = parts.Additional;
        _additionalLocation = position.AbsoluteLocation + "/additionalProperties";
        _direct = names.Count <= DirectLookupLimit && _patterns.Length == 0 && _additional is null && requiredNames.Count <= 64;
    }

    /// <summary>The names of <c>properties</c> and then of <c>required</c> (those not among the properties).</summary>
    public IReadOnlyList<string> Names => _names.Strings;

    /// <summary>By name (same index): its <c>properties</c> subschema, <c>null</c> for a name only <c>required</c> lists.</summary>
    public IReadOnlyList<SchemaNode?> Schemas => _schemas;

    public bool HasPatterns => _patterns.Length > 0;

    public SchemaNode? Additional => _additional;

    public bool IsRequired(int index) => _requiredSlot[index] >= 0;

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        if (context.Collecting)
        {
            var requiredOk = _required is null || _required.Check(instance, context, null);
            return Pass(instance, context, evaluated, trackRequired: false) && requiredOk;
        }

        if (evaluated is null)
        {
            if (_direct)
            {
                return Direct(instance, context);
            }

            if (_patterns.Length == 0)
            {
                return FastPass(instance, context);
            }
        }

        return Pass(instance, context, evaluated, trackRequired: _required is not null);
    }

    /// <summary>The hot path: stop at the first failure, no annotations, no patterns.</summary>
    private bool FastPass(JsonElement instance, ValidationContext context)
    {
        var seen = 0UL;
        foreach (var property in instance.EnumerateObject())
        {
            var index = _names.IndexOfName(property);
            if (index >= 0)
            {
                var slot = _requiredSlot[index];
                if (slot >= 0)
                {
                    seen |= 1UL << slot;
                }

                var schema = _schemas[index];
                if (schema is not null)
                {
                    if (!schema.Validate(property.Value, context, null))
                    {
                        return false;
                    }

                    continue;
                }
            }

            if (_additional is not null && (_additional.RejectsAll || !_additional.Validate(property.Value, context, null)))
            {
                return false;
            }
        }

        return _required is null || (_allRequired != 0 ? seen == _allRequired : _required.Check(instance, context, null));
    }

    private bool Direct(JsonElement instance, ValidationContext context)
    {
        for (var i = 0; i < _schemas.Length; i++)
        {
            if (!instance.TryGetProperty(_names.Utf8(i), out var value))
            {
                if (_requiredSlot[i] >= 0)
                {
                    return false;
                }

                continue;
            }

            if (_schemas[i] is { } schema && !schema.Validate(value, context, null))
            {
                return false;
            }
        }

        return true;
    }

    private bool Pass(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated, bool trackRequired)
    {
        var collecting = context.Collecting;
        var valid = true;
        var seen = 0UL;
        var position = -1;
        foreach (var property in instance.EnumerateObject())
        {
            position++;
            var declared = false;
            var index = _names.IndexOfName(property);
            if (index >= 0)
            {
                if (trackRequired && _requiredSlot[index] >= 0)
                {
                    seen |= 1UL << _requiredSlot[index];
                }

                if (_schemas[index] is { } schema)
                {
                    declared = true;
                    evaluated?.Mark(position);
                    valid &= Child(schema, _paths[index], property, context);
                }
            }

            foreach (var pattern in _patterns)
            {
                if (PatternMatching.NameMatches(pattern.Regex.Value, property))
                {
                    declared = true;
                    evaluated?.Mark(position);
                    valid &= Child(pattern.Schema, pattern.Path, property, context);
                }
            }

            if (!declared && _additional is not null)
            {
                evaluated?.Mark(position);
                valid &= ChildValidator.ValidateProperty("additionalProperties", _additionalLocation, _additional, property, context);
            }

            if (!valid && !collecting)
            {
                return false;
            }
        }

        if (trackRequired)
        {
            // More than 64 required names do not fit the mask: check them the slow way.
            return _allRequired == 0 ? _required!.Check(instance, context, null) && valid : seen == _allRequired && valid;
        }

        return valid;
    }

    private static bool Child(SchemaNode schema, string path, JsonProperty property, ValidationContext context)
    {
        if (!context.Collecting)
        {
            return schema.Validate(property.Value, context, null);
        }

        context.PushKeyword(path);
        context.PushProperty(property);
        var ok = schema.Validate(property.Value, context, null);
        context.PopInstance();
        context.PopKeyword();
        return ok;
    }
}

/// <summary>One <c>patternProperties</c> entry.</summary>
internal sealed record PatternSchema(LazyRegex Regex, SchemaNode Schema, string Path);

/// <summary>What <see cref="PropertiesValidator"/> is built from; every part is optional.</summary>
internal sealed record PropertiesParts(
    IReadOnlyList<(string Name, SchemaNode Schema)> Properties,
    IReadOnlyList<PatternSchema> Patterns,
    SchemaNode? Additional,
    RequiredValidator? Required);
