using ProductFlow.Inbox;
using ProductFlow.Retention;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Retention;

/// <summary>Retention in the data folder: filed feeds by the day they were filed, report folders by when they were last written.</summary>
public class RetentionPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 3, 30, 0, TimeSpan.Zero);

    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task Day_folders_wholly_before_the_cutoff_go_with_their_feeds_and_other_folders_stay()
    {
        File(Data, "archive", "2026-01-01", "run-1", "monday.csv");
        File(Data, "archive", "2026-01-01", "run-2", "tuesday.csv");
        File(Data, "archive", "2026-01-30", "run-3", "wednesday.csv");
        File(Data, "archive", "2026-01-31", "run-4", "thursday.csv");
        File(Data, "archive", "not-a-day", "run-5", "friday.csv");
        File(Data, "failed", "2026-01-01", "run-6", "broken.csv");
        var archive = new FolderFeedArchive(Data);

        var archived = await archive.PurgeAsync(FeedShelf.Archive, new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.That(archived, Is.EqualTo(3));
        Assert.That(Directory.GetDirectories(Path.Combine(Data, "archive")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "2026-01-31", "not-a-day" }));
        Assert.That(Directory.Exists(Path.Combine(Data, "failed", "2026-01-01")), Is.True, "another shelf, another age");
        Assert.That(await new FolderFeedArchive(_dir.Combine("empty")).PurgeAsync(FeedShelf.Failed, Now), Is.Zero);
    }

    [Test]
    public void A_report_folder_goes_once_its_newest_file_is_older_than_the_cutoff()
    {
        var reports = Path.Combine(Data, "reports");
        var old = File(reports, "20251101T000000Z-aaaaaa", "report.json");
        var touched = File(reports, "20251101T000000Z-bbbbbb", "report.json");
        var newer = File(reports, "20251101T000000Z-bbbbbb", "issues.csv");
        var recent = File(reports, "20260220T000000Z-cccccc", "report.json");
        Age(old, Now.AddDays(-100));
        Age(touched, Now.AddDays(-100));
        Age(newer, Now.AddDays(-10));
        Age(recent, Now.AddDays(-10));
        foreach (var folder in Directory.GetDirectories(reports))
        {
            Directory.SetLastWriteTimeUtc(folder, Now.AddDays(-100).UtcDateTime);
        }

        var purged = ReportFolders.Purge(reports, Now.AddDays(-90));

        Assert.That(purged, Is.EqualTo(1));
        Assert.That(Directory.GetDirectories(reports).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "20251101T000000Z-bbbbbb", "20260220T000000Z-cccccc" }));
    }

    [Test]
    public async Task A_pass_purges_each_kind_by_its_own_age_and_a_second_pass_finds_nothing()
    {
        File(Data, "archive", "2026-02-20", "run-1", "monday.csv");
        File(Data, "failed", "2026-02-20", "run-2", "broken.csv");
        Age(File(Data, "reports", "run-1", "report.json"), Now.AddDays(-9));
        Directory.SetLastWriteTimeUtc(Path.Combine(Data, "reports", "run-1"), Now.AddDays(-9).UtcDateTime);
        var policy = new RetentionPolicy { ArchivedFeeds = TimeSpan.FromDays(7), FailedFeeds = TimeSpan.FromDays(30), Reports = TimeSpan.FromDays(8) };
        await using var store = SqliteProductStore.Open(Data);

        var first = await RetentionPurge.RunAsync(policy, store, new FolderFeedArchive(Data), Path.Combine(Data, "reports"), Now);
        var second = await RetentionPurge.RunAsync(policy, store, new FolderFeedArchive(Data), Path.Combine(Data, "reports"), Now);

        Assert.That(first, Is.EqualTo(new RetentionResult(Reports: 1, ArchivedFeeds: 1, FailedFeeds: 0, ClosedQuarantine: 0)));
        Assert.That(second, Is.EqualTo(new RetentionResult(0, 0, 0, 0)));
        Assert.That(Directory.Exists(Path.Combine(Data, "failed", "2026-02-20", "run-2")), Is.True);
    }

    private static string File(string root, params string[] parts)
    {
        var path = Path.Combine([root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, "x");
        return path;
    }

    private static void Age(string file, DateTimeOffset at) => System.IO.File.SetLastWriteTimeUtc(file, at.UtcDateTime);
}
