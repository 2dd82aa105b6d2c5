namespace ProductFlow.JsonSchema.Validation;

/// <summary>Which properties (by position in the object) or items (by index) of one instance have been
/// evaluated so far: the annotations <c>unevaluatedProperties</c>/<c>unevaluatedItems</c> read.</summary>
/// <remarks>Positions instead of names, so tracking needs no strings. Only created for schemas that
/// contain an unevaluated keyword; everywhere else the set passed down is <c>null</c>.</remarks>
internal sealed class EvaluatedSet
{
    private ulong[] _bits = new ulong[2];
    private bool _all;

    public void Clear()
    {
        Array.Clear(_bits);
        _all = false;
    }

    public void MarkAll() => _all = true;

    public void Mark(int position)
    {
        var word = position >> 6;
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        _bits[word] |= 1UL << position;
    }

    public bool IsMarked(int position)
    {
        if (_all)
        {
            return true;
        }

        var word = position >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << position)) != 0;
    }

    public void UnionWith(EvaluatedSet other)
    {
        _all |= other._all;
        if (other._bits.Length > _bits.Length)
        {
            Array.Resize(ref _bits, other._bits.Length);
        }

        for (var i = 0; i < other._bits.Length; i++)
        {
            _bits[i] |= other._bits[i];
        }
    }
}
