using System.Globalization;

namespace ProductFlow.Server.Uploads;

/// <summary>An upload grew past <c>ProductFlow:Uploads:MaxBytes</c>: it is refused (413) and nothing of it is kept.</summary>
public sealed class FeedTooLargeException(long maxBytes)
    : ProductFlowException(string.Create(CultureInfo.InvariantCulture, $"the feed is larger than the {maxBytes:N0} bytes an upload may hold"))
{
    public long MaxBytes { get; } = maxBytes;
}
