using System.Globalization;
using System.Text;
using System.Text.Json;
using ProductFlow.JsonSchema.Loading;

namespace ProductFlow.JsonSchema.Validation;

/// <summary>The mutable state of one validation: errors (when collecting), the instance and keyword
/// paths, the dynamic scope, and a pool of annotation sets.</summary>
/// <remarks>For <see cref="JsonSchema.IsValid"/> one context per thread is reused, so a valid
/// instance allocates nothing; paths are only maintained while collecting errors.</remarks>
internal sealed class ValidationContext
{
    [ThreadStatic]
    private static ValidationContext? _cached;

    private List<ValidationError>? _errors;
    private PathSegment[] _instancePath = new PathSegment[16];
    private int _instanceDepth;
    private string[] _keywordPath = new string[16];
    private int _keywordDepth;
    private SchemaResource[] _scope = new SchemaResource[8];
    private int _scopeDepth;
    private EvaluatedSet[] _pool = new EvaluatedSet[4];
    private int _poolCount;
    private bool _inUse;

    private ValidationContext(List<ValidationError>? errors)
    {
        _errors = errors;
    }

    /// <summary><c>true</c> while errors are being collected (and paths maintained); <c>false</c> = stop at the first failure.</summary>
    public bool Collecting => _errors is not null;

    /// <summary>Whether the schema uses <c>$dynamicRef</c>, so entered resources must be remembered.</summary>
    public bool TracksScope { get; private set; }

    public static ValidationContext RentFast(bool tracksScope)
    {
        var context = _cached;
        if (context is null || context._inUse)
        {
            context = new ValidationContext(null);
            _cached ??= context;
        }

        context._inUse = true;
        context.TracksScope = tracksScope;
        return context;
    }

    public static ValidationContext ForErrors(bool tracksScope) => new([]) { TracksScope = tracksScope, _inUse = true };

    public IReadOnlyList<ValidationError> Errors => _errors ?? [];

    public void Release()
    {
        _instanceDepth = 0;
        _keywordDepth = 0;
        _scopeDepth = 0;
        _inUse = false;
    }

    /// <summary>Stops collecting (for subschemas whose own errors are not reported); returns the list to restore.</summary>
    public List<ValidationError>? Mute()
    {
        var errors = _errors;
        _errors = null;
        return errors;
    }

    /// <summary>Redirects errors into <paramref name="errors"/> (or restores a muted list); returns the previous list.</summary>
    public List<ValidationError>? CollectInto(List<ValidationError>? errors)
    {
        var previous = _errors;
        _errors = errors;
        return previous;
    }

    public bool Fail(KeywordValidator keyword, string message) => Fail(keyword.KeywordSegment, keyword.AbsoluteLocation, message);

    /// <summary>Records an error for a keyword other than the validator's own (e.g. <c>additionalProperties</c>).</summary>
    public bool Fail(string keywordSegment, string absoluteLocation, string message)
    {
        if (_errors is not null)
        {
            var keywordLocation = new StringBuilder();
            for (var i = 0; i < _keywordDepth; i++)
            {
                keywordLocation.Append('/').Append(_keywordPath[i]);
            }

            if (keywordSegment.Length > 0)
            {
                keywordLocation.Append('/').Append(keywordSegment);
            }

            _errors.Add(new ValidationError(InstanceLocation(), keywordLocation.ToString(), absoluteLocation, message));
        }

        return false;
    }

    /// <summary>Enters a property; its name is only turned into a string if an error needs the location.</summary>
    public void PushProperty(JsonProperty property) => Push(ref _instancePath, ref _instanceDepth, new PathSegment(property, -1));

    public void PushIndex(int index) => Push(ref _instancePath, ref _instanceDepth, new PathSegment(default, index));

    public void PopInstance() => _instanceDepth--;

    /// <summary>Pushes an already-escaped keyword path piece such as <c>properties/size</c> or <c>$ref</c>.</summary>
    public void PushKeyword(string escapedSegments) => Push(ref _keywordPath, ref _keywordDepth, escapedSegments);

    public void PopKeyword() => _keywordDepth--;

    /// <summary>Enters a schema resource; returns <c>false</c> (nothing pushed) when it already is the innermost.</summary>
    public bool EnterResource(SchemaResource resource)
    {
        if (_scopeDepth > 0 && ReferenceEquals(_scope[_scopeDepth - 1], resource))
        {
            return false;
        }

        if (_scopeDepth == _scope.Length)
        {
            Array.Resize(ref _scope, _scope.Length * 2);
        }

        _scope[_scopeDepth++] = resource;
        return true;
    }

    public void LeaveResource() => _scopeDepth--;

    /// <summary>The outermost resource in the dynamic scope that declares <c>$dynamicAnchor</c> <paramref name="name"/>.</summary>
    public SchemaNode? FindDynamicAnchor(string name)
    {
        for (var i = 0; i < _scopeDepth; i++)
        {
            if (_scope[i].DynamicAnchors.TryGetValue(name, out var node))
            {
                return node;
            }
        }

        return null;
    }

    public EvaluatedSet RentEvaluated()
    {
        if (_poolCount > 0)
        {
            var set = _pool[--_poolCount];
            set.Clear();
            return set;
        }

        return new EvaluatedSet();
    }

    public void ReturnEvaluated(EvaluatedSet set)
    {
        if (_poolCount == _pool.Length)
        {
            Array.Resize(ref _pool, _pool.Length * 2);
        }

        _pool[_poolCount++] = set;
    }

    private string InstanceLocation()
    {
        if (_instanceDepth == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < _instanceDepth; i++)
        {
            var segment = _instancePath[i];
            sb.Append('/');
            if (segment.Index >= 0)
            {
                sb.Append(segment.Index.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(JsonPointer.Escape(segment.Property.Name));
            }
        }

        return sb.ToString();
    }

    private static void Push<T>(ref T[] stack, ref int depth, T value)
    {
        if (depth == stack.Length)
        {
            Array.Resize(ref stack, stack.Length * 2);
        }

        stack[depth++] = value;
    }
}
