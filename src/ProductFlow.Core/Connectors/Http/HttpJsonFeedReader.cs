using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Polly.Timeout;
using ProductFlow.Connectors.Json;
using ProductFlow.Model;

namespace ProductFlow.Connectors.Http;

/// <summary>Pulls products from a paged JSON API (<c>format: http-json</c>): <see cref="FeedSource.Path"/> is the first page's URL.</summary>
/// <remarks>
/// Pages are read one at a time (a page is held whole, up to <see cref="FeedSource.MaxRecordBytes"/>); each item becomes a
/// row like a JSON feed's (<see cref="JsonColumns"/>), numbered across pages (<see cref="SourceRow.Line"/> is the
/// item's 1-based number in the feed) with <c>page N $[i]</c> as its location. Retries and timeouts are
/// <see cref="ResilientHttp"/>'s. A page that still fails fails the run: <see cref="FeedReadException"/> with the URL
/// and the HTTP status.
/// </remarks>
public sealed class HttpJsonFeedReader : IFeedReader
{
    public async IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = source.Http ?? new HttpSourceOptions();
        using var client = ResilientHttp.Create(options);
        Uri? url = new(source.Path);
        FeedHeader? header = null;
        long number = 0;
        for (var page = 1; url is not null; page++)
        {
            if (page > options.MaxPages)
            {
                throw new FeedReadException($"{url}: more than {options.MaxPages} pages; stopped", source.Path);
            }

            using var fetched = await FetchAsync(client, url, options, source, cancellationToken).ConfigureAwait(false);
            if (fetched.Items is not { ValueKind: JsonValueKind.Array } array)
            {
                throw new FeedReadException($"{url}: the page has no array of products at '{options.Items}'", source.Path);
            }

            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                number++;
                header ??= JsonColumns.Header(source, item);
                var location = string.Create(CultureInfo.InvariantCulture, $"page {page} $[{index++}]");
                var fields = item.ValueKind == JsonValueKind.Object ? JsonColumns.TryFields(item, header, out var error) : null;
                yield return fields is not null
                    ? new SourceRow(source.Name, number, header, fields) { Location = location }
                    : new SourceRow(source.Name, number, header, [])
                    {
                        Location = location,
                        Raw = item.GetRawText(),
                        Problem = new Issue(Severity.Error, item.ValueKind == JsonValueKind.Object ? RuleIds.JsonMalformed : RuleIds.JsonNotObject, $"{location} of {url} is not a readable product object")
                        { Feed = source.Name, Line = number },
                    };
            }

            url = options.Paging switch
            {
                "page" => index < options.PageSize || index == 0 ? null : WithPage(url, options, page + 1),
                "none" => null,
                _ => fetched.Next,
            };
        }
    }

    private static async Task<Page> FetchAsync(HttpClient client, Uri url, HttpSourceOptions options, FeedSource source, CancellationToken cancellationToken)
    {
        var requestUrl = options.Paging == "page" && !url.Query.Contains(options.PageParameter + "=", StringComparison.Ordinal) ? WithPage(url, options, options.FirstPage) : url;
        using var request = new HttpRequestMessage(HttpMethod.Get, requestUrl);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpCredentials.Apply(request, options, source.Path);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FeedReadException($"{requestUrl}: {Remote.RemoteErrors.Describe(e) ?? e.Message} (after {options.MaxRetries} retries)", source.Path, null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new FeedReadException(
                    $"{requestUrl}: {Remote.RemoteErrors.Describe(response.StatusCode, response.ReasonPhrase)} after {options.MaxRetries} retries", source.Path);
            }

            if (response.Content.Headers.ContentLength > source.MaxRecordBytes)
            {
                throw new FeedReadException($"{requestUrl}: the page is larger than {source.MaxRecordBytes} bytes", source.Path);
            }

            JsonDocument document;
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            catch (JsonException e)
            {
                throw new FeedReadException($"{requestUrl}: the page is not valid JSON: {e.Message}", source.Path, e.LineNumber + 1, e);
            }

            JsonElement? items = options.Items.Length == 0 ? document.RootElement : JsonColumns.TryEvaluate(document.RootElement, options.Items, out var found) ? found : null;
            var next = options.Paging switch
            {
                "next-link" => JsonColumns.TryEvaluate(document.RootElement, options.NextLink, out var link) && link.ValueKind == JsonValueKind.String
                    && link.GetString() is { Length: > 0 } href ? new Uri(requestUrl, href) : null,
                "link-header" => NextFromLinkHeader(response, requestUrl),
                _ => null,
            };
            return new Page(document, items, next);
        }
    }

    private static Uri? NextFromLinkHeader(HttpResponseMessage response, Uri baseUrl)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            if (pieces.Length > 1 && pieces[0].StartsWith('<') && pieces[0].EndsWith('>')
                && pieces[1..].Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return new Uri(baseUrl, pieces[0][1..^1]);
            }
        }

        return null;
    }

    private static Uri WithPage(Uri url, HttpSourceOptions options, int page)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        query[options.PageParameter] = page.ToString(CultureInfo.InvariantCulture);
        query[options.SizeParameter] = options.PageSize.ToString(CultureInfo.InvariantCulture);
        return new UriBuilder(url) { Query = query.ToString() }.Uri;
    }

    /// <summary>A page: its document (disposed with the page), the items array in it and the next page's URL.</summary>
    private sealed record Page(JsonDocument Document, JsonElement? Items, Uri? Next) : IDisposable
    {
        public void Dispose() => Document.Dispose();
    }
}
