using System.Globalization;

namespace ProductFlow.Running;

/// <summary>Run ids: the start time in UTC and six random hex digits (<c>20261124T101850Z-a9f70a</c>), so they sort by time and never collide.</summary>
public static class RunIds
{
    public static string New(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3));
}
