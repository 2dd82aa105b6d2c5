using System.Globalization;
using System.Text.Json;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary><c>uniqueItems: true</c>: pairwise for short arrays, hashed for long ones.</summary>
internal sealed class UniqueItemsValidator(SchemaPosition position) : KeywordValidator(position, "uniqueItems")
{
    private const int PairwiseLimit = 32;

    public override bool Validate(JsonElement instance, ValidationContext context, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var length = instance.GetArrayLength();
        return length <= PairwiseLimit ? Pairwise(instance, length, context) : Hashed(instance, length, context);
    }

    private bool Pairwise(JsonElement array, int length, ValidationContext context)
    {
        for (var i = 0; i < length; i++)
        {
            var left = array[i];
            for (var j = i + 1; j < length; j++)
            {
                if (JsonEquality.AreEqual(left, array[j]))
                {
                    return Duplicate(context, i, j);
                }
            }
        }

        return true;
    }

    private bool Hashed(JsonElement array, int length, ValidationContext context)
    {
        var buckets = new Dictionary<int, List<int>>();
        for (var i = 0; i < length; i++)
        {
            var item = array[i];
            var hash = JsonEquality.Hash(item);
            if (buckets.TryGetValue(hash, out var indexes))
            {
                foreach (var j in indexes)
                {
                    if (JsonEquality.AreEqual(array[j], item))
                    {
                        return Duplicate(context, j, i);
                    }
                }

                indexes.Add(i);
            }
            else
            {
                buckets[hash] = [i];
            }
        }

        return true;
    }

    private bool Duplicate(ValidationContext context, int first, int second) =>
        context.Collecting && context.Fail(this, string.Create(CultureInfo.InvariantCulture, $"must not contain duplicate items (items {first} and {second} are equal)"));
}
