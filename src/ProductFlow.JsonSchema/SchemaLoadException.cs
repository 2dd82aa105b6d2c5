namespace ProductFlow.JsonSchema;

/// <summary>A schema could not be loaded or compiled: invalid JSON, an invalid keyword value, an
/// invalid regular expression, an unknown <c>$ref</c> or an unsupported <c>$schema</c>.</summary>
/// <remarks>The message names the document (<see cref="File"/>) and the JSON pointer inside it
/// (<see cref="Pointer"/>) where the problem is.</remarks>
public sealed class SchemaLoadException : Exception
{
    public SchemaLoadException()
    {
        Pointer = string.Empty;
    }

    public SchemaLoadException(string message)
        : base(message)
    {
        Pointer = string.Empty;
    }

    public SchemaLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Pointer = string.Empty;
    }

    internal SchemaLoadException(string? file, string pointer, string problem, Exception? innerException = null)
        : base(Describe(file, pointer, problem), innerException)
    {
        File = file;
        Pointer = pointer;
    }

    /// <summary>The document: a file path for documents on disk, otherwise its URI; <c>null</c> when unknown.</summary>
    public string? File { get; }

    /// <summary>JSON pointer inside <see cref="File"/> to the offending value ("" = the document root).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON pointer, named as in RFC 6901; part of the agreed contract.")]
    public string Pointer { get; }

    private static string Describe(string? file, string pointer, string problem)
    {
        var where = pointer.Length == 0 ? "#" : "#" + pointer;
        return file is null ? $"{where}: {problem}" : $"{file} {where}: {problem}";
    }
}
