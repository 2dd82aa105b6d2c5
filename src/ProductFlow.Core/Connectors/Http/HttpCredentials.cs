using System.Net.Http.Headers;

namespace ProductFlow.Connectors.Http;

/// <summary>The credentials <see cref="HttpSourceOptions"/> names, put on a request: read from the environment variables at each request, never
/// from the pipeline file, never logged.</summary>
internal static class HttpCredentials
{
    /// <summary>Adds the bearer token and the extra header the options name to <paramref name="request"/>.</summary>
    /// <exception cref="FeedReadException">A named variable is not set: the feed cannot be read.</exception>
    public static void Apply(HttpRequestMessage request, HttpSourceOptions options, string source)
    {
        if (options.BearerTokenVariable is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret(bearer, source));
        }

        if (options is { HeaderName: { } name, HeaderValueVariable: { } variable })
        {
            request.Headers.TryAddWithoutValidation(name, Secret(variable, source));
        }
    }

    private static string Secret(string variable, string source) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new FeedReadException($"the environment variable {variable} (the API credential) is not set", source);
}
