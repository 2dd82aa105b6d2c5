namespace ProductFlow.JsonSchema.Flat;

/// <summary>The kinds of value a flat object's property holds (see <see cref="FlatObjectSchema"/>); an object is only ever the root.</summary>
internal enum FlatKind
{
    String,
    Number,
    Boolean,
    Array,
    Object,
}
