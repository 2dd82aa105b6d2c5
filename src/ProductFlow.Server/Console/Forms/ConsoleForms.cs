using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace ProductFlow.Server.Console.Forms;

/// <summary>Anti-forgery for every form the console posts: small forms are checked whole before their handler runs; a form with a file is
/// read as a stream, its token (the form's first field) checked before a byte of the file is read.</summary>
internal static class ConsoleForms
{
    /// <summary>The most a form's text fields may hold together, ahead of its file.</summary>
    private const int MaxFieldBytes = 64 * 1024;

    /// <summary>A console form post: the anti-forgery token is checked first (400 when it is missing or wrong); the handler reads the form after.</summary>
    public static RouteHandlerBuilder WithFormCheck(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext).ConfigureAwait(false)
                ? await next(context).ConfigureAwait(false)
                : TypedResults.Problem("the form is out of date or was not sent by the console: reload the page and send it again", statusCode: StatusCodes.Status400BadRequest);
        });
    }

    /// <summary>Reads a multipart form up to its file: its text fields, then the file's name and content (a stream the caller reads once).</summary>
    /// <returns>Null when the anti-forgery token is missing or wrong, or the request is not a multipart form.</returns>
    public static async Task<FileForm?> ReadFileFormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "", context.Request.Body);
        var fieldBytes = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                if (!await IsTokenValidAsync(context, fields).ConfigureAwait(false))
                {
                    return null;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return new FileForm(fields, name is { Length: > 0 } ? Path.GetFileName(name) : null, section.Body);
            }

            using var text = new StreamReader(section.Body);
            var value = await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            fieldBytes += value.Length;
            if (fieldBytes > MaxFieldBytes)
            {
                return null;
            }

            fields[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = value;
        }

        return await IsTokenValidAsync(context, fields).ConfigureAwait(false) ? new FileForm(fields, null, null) : null;
    }

    /// <summary>The form's token, checked as anti-forgery checks a header: the form itself is never buffered to find it.</summary>
    private static async Task<bool> IsTokenValidAsync(HttpContext context, Dictionary<string, string> fields)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        if (!fields.TryGetValue(options.FormFieldName, out var token) || options.HeaderName is null)
        {
            return false;
        }

        context.Request.Headers[options.HeaderName] = token;
        return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false);
    }
}

/// <summary>A multipart form read up to its file: the text fields before it, and the file (null when the form had none or an empty one).</summary>
internal sealed record FileForm(IReadOnlyDictionary<string, string> Fields, string? FileName, Stream? File)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) ? value : null;
}
