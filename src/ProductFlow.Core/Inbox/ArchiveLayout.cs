using System.Globalization;

namespace ProductFlow.Inbox;

/// <summary>How filed feeds are laid out: <c>&lt;shelf&gt;/&lt;yyyy-mm-dd&gt;/&lt;runId&gt;/</c>, the day in UTC.</summary>
public static class ArchiveLayout
{
    /// <summary>The shelf's folder name: <c>archive</c> or <c>failed</c>.</summary>
    public static string Folder(FeedShelf shelf) => shelf == FeedShelf.Failed ? "failed" : "archive";

    /// <summary>Whether <paramref name="name"/> is a day folder (<c>2026-03-02</c>) whose whole day is before <paramref name="before"/>.</summary>
    public static bool IsDayBefore(string name, DateTimeOffset before) =>
        DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= before;
}
