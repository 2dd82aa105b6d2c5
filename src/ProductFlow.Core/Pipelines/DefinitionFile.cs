using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProductFlow.JsonSchema;

namespace ProductFlow.Pipelines;

/// <summary>Reads a JSON definition file: parse, validate against its schema, then bind to option objects.</summary>
internal static class DefinitionFile
{
    public static T Read<T>(string path, JsonSchema.JsonSchema schema, JsonTypeInfo<T> typeInfo)
    {
        var display = DisplayPath(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PipelineDefinitionException(new DefinitionProblem(display, "$", "cannot be read: " + e.Message), e);
        }

        using var document = Parse(bytes, display);
        var result = schema.Validate(document.RootElement);
        if (!result.IsValid)
        {
            var schemaDocument = DefinitionSchemas.DocumentOf(schema);
            throw new PipelineDefinitionException(result.Errors.Select(e => Problem(display, ToJsonPath(e.InstanceLocation), e.Message, schemaDocument)).ToList());
        }

        try
        {
            return document.RootElement.Deserialize(typeInfo)
                ?? throw new PipelineDefinitionException(new DefinitionProblem(display, "$", "must be an object"));
        }
        catch (JsonException e)
        {
            throw new PipelineDefinitionException(new DefinitionProblem(display, e.Path ?? "$", e.Message), e);
        }
    }

    /// <summary>A schema error as a problem; a property the schema does not allow gets the closest one it allows, if any is close.</summary>
    private static DefinitionProblem Problem(string display, string path, string message, JsonElement? schema)
    {
        if (schema is { } root && path.LastIndexOf('.') is > 0 and var dot && message.Contains("is not allowed", StringComparison.Ordinal))
        {
            message += DidYouMean.Suffix(path[(dot + 1)..], DidYouMean.PropertiesAt(root, path));
        }

        return new DefinitionProblem(display, path, message);
    }

    /// <summary>A path as the user would recognise it: relative to the current folder when below it.</summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }

    /// <summary>Turns a JSON pointer (<c>/mapping/values/3/column</c>) into a JSON path (<c>$.mapping.values[3].column</c>).</summary>
    public static string ToJsonPath(string pointer)
    {
        var path = new StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (token.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(token).Append(']');
            }
            else
            {
                path.Append('.').Append(token);
            }
        }

        return path.ToString();
    }

    private static JsonDocument Parse(byte[] bytes, string display)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            throw new PipelineDefinitionException(new DefinitionProblem(display, e.Path ?? "$", "is not valid JSON" + where), e);
        }
    }
}
