using System.Text.Json;
using ProductFlow.Access;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Cli;

/// <summary><c>partner add|grant|revoke-channel|rotate-key|disable|list|activity</c> on the embedded store, run as the built command.</summary>
[NonParallelizable]
public class PartnerCommandsTests
{
    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    private static string Catalog => TestPaths.InRepository("schemas", "catalog.json");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task Add_prints_a_key_as_the_last_line_that_lets_the_partner_in_and_nothing_prints_it_again()
    {
        var added = Partner("add", "acme", "--channel", "partner", "--channel", "google");

        Assert.That(added.ExitCode, Is.Zero, added.ToString());
        var key = LastLine(added.Stdout);
        Assert.That(key, Has.Length.GreaterThanOrEqualTo(32).And.StartWith("pf_"));
        var partner = await AuthenticateAsync(key, DateTimeOffset.UtcNow);
        Assert.That(partner?.Name, Is.EqualTo("acme"));
        Assert.That(partner!.Grants, Is.EqualTo(new[] { "partner", "google" }));
        var list = Partner("list");
        var json = Partner("list", "--json");
        var activity = Partner("activity", "acme", "--json");
        Assert.That(new[] { list, json, activity }.Select(r => r.ExitCode), Is.All.Zero);
        var secret = key.Split('_', 3)[2];
        Assert.That(new[] { list, json, activity }.Select(r => r.Stdout + r.Stderr), Is.All.Not.Contain(secret));
        Assert.That(added.Stderr, Does.Not.Contain(secret), "the key is on stdout only");
        Assert.That(list.Stdout.Trim(), Does.StartWith("acme  enabled  channels partner, google  since "));
    }

    [Test]
    public void Add_of_an_unknown_channel_or_of_a_partner_that_exists_is_a_usage_error_and_stores_nothing_new()
    {
        var unknown = Partner("add", "acme", "--channel", "nope");
        var first = Partner("add", "acme", "--channel", "partner");
        var again = Partner("add", "acme", "--channel", "web");

        Assert.That((unknown.ExitCode, first.ExitCode, again.ExitCode), Is.EqualTo((2, 0, 2)));
        Assert.That(unknown.Stderr.Trim(), Is.EqualTo("productflow: the catalog has no channel 'nope' (hint: its channels: partner, web, shopify, google)"));
        Assert.That(again.Stderr.Trim(), Does.StartWith("productflow: partner acme exists"));
        Assert.That(again.Stdout, Is.Empty, "no key for a partner that was not added");
        Assert.That(Channels(), Is.EqualTo(new[] { "partner" }));
    }

    [Test]
    public void Grant_adds_channels_and_revoke_channel_takes_them_away()
    {
        Partner("add", "acme", "--channel", "partner");

        var granted = Partner("grant", "acme", "--channel", "web", "--channel", "partner");
        var afterGrant = Channels();
        var revoked = Partner("revoke-channel", "acme", "--channel", "partner");

        Assert.That((granted.ExitCode, revoked.ExitCode), Is.EqualTo((0, 0)));
        Assert.That(afterGrant, Is.EqualTo(new[] { "partner", "web" }));
        Assert.That(Channels(), Is.EqualTo(new[] { "web" }));
        Assert.That(revoked.Stdout.Trim(), Is.EqualTo("partner acme: channels web"));
    }

    [Test]
    public async Task Rotate_key_stops_the_old_key_at_once()
    {
        var old = LastLine(Partner("add", "acme", "--channel", "partner").Stdout);

        var rotated = Partner("rotate-key", "acme");

        Assert.That(rotated.ExitCode, Is.Zero, rotated.ToString());
        var now = DateTimeOffset.UtcNow;
        Assert.That(await AuthenticateAsync(old, now), Is.Null);
        Assert.That((await AuthenticateAsync(LastLine(rotated.Stdout), now))?.Name, Is.EqualTo("acme"));
    }

    [Test]
    public async Task Rotate_key_with_a_grace_keeps_the_old_key_working_until_it_ends()
    {
        var old = LastLine(Partner("add", "acme", "--channel", "partner").Stdout);
        var before = DateTimeOffset.UtcNow;

        var rotated = Partner("rotate-key", "acme", "--grace", "24h");

        Assert.That(rotated.ExitCode, Is.Zero, rotated.ToString());
        Assert.That(rotated.Stdout, Does.Contain("its other keys stop at "));
        Assert.That((await AuthenticateAsync(old, before.AddHours(23)))?.Name, Is.EqualTo("acme"));
        Assert.That(await AuthenticateAsync(old, DateTimeOffset.UtcNow.AddHours(24).AddSeconds(1)), Is.Null);
        Assert.That((await AuthenticateAsync(LastLine(rotated.Stdout), before.AddDays(30)))?.Name, Is.EqualTo("acme"));
    }

    [TestCase("2x")]
    [TestCase("90")]
    [TestCase("1.5h")]
    public void A_grace_that_is_not_a_duration_is_a_usage_error(string grace)
    {
        Partner("add", "acme", "--channel", "partner");

        var result = Partner("rotate-key", "acme", "--grace", grace);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.StartWith("productflow: --grace must be a duration such as 30m, 24h or 7d"));
    }

    [Test]
    public async Task Disable_refuses_every_key_and_list_shows_it()
    {
        var key = LastLine(Partner("add", "acme", "--channel", "partner").Stdout);

        var disabled = Partner("disable", "acme");

        Assert.That(disabled.ExitCode, Is.Zero, disabled.ToString());
        Assert.That(await AuthenticateAsync(key, DateTimeOffset.UtcNow), Is.Null);
        using var list = JsonDocument.Parse(Partner("list", "--json").Stdout);
        Assert.That(list.RootElement.GetProperty("partners")[0].GetProperty("disabled").GetBoolean(), Is.True);
    }

    [Test]
    public void Commands_on_a_partner_that_does_not_exist_say_so()
    {
        Assert.That(Partner("add", "acme", "--channel", "partner").ExitCode, Is.Zero);
        var result = Partner("rotate-key", "ghost");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr.Trim(), Is.EqualTo("productflow: there is no partner ghost (hint: 'productflow partner list' shows the partners)"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task Activity_shows_what_the_partner_fetched_newest_first()
    {
        Partner("add", "acme", "--channel", "partner");
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using (var store = SqliteProductStore.Open(Data))
        {
            await store.RecordAccessAsync(
            [
                new AccessRecord(at, PrincipalKind.Partner, "acme", "latest", "partner", 200, 5120) { Version = 7 },
                new AccessRecord(at.AddHours(1), PrincipalKind.Partner, "acme", "latest", "partner", 304, 0) { Version = 7 },
                new AccessRecord(at, PrincipalKind.Partner, "globex", "latest", "web", 403, 0),
            ]);
        }

        var text = Partner("activity", "acme");
        var json = Partner("activity", "acme", "--json");

        Assert.That(text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "2026-03-01T09:00:00Z  latest    partner  v7  304  0 bytes",
            "2026-03-01T08:00:00Z  latest    partner  v7  200  5120 bytes",
        }));
        Assert.That(json.Stdout.Trim(), Is.EqualTo(
            """{"partner":"acme","activity":[{"at":"2026-03-01T09:00:00Z","action":"latest","channel":"partner","version":7,"status":304,"bytes":0},"""
            + """{"at":"2026-03-01T08:00:00Z","action":"latest","channel":"partner","version":7,"status":200,"bytes":5120}]}"""));
    }

    private CliResult Partner(params string[] args)
    {
        var withStore = args[0] is "add" or "grant" ? [.. args, "--data", Data, "--catalog", Catalog] : args.Append("--data").Append(Data).ToArray();
        return CliProcess.Run(_dir.Path, new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = null }, ["partner", .. withStore]);
    }

    private List<string> Channels()
    {
        using var list = JsonDocument.Parse(Partner("list", "--json").Stdout);
        return list.RootElement.GetProperty("partners")[0].GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    private async Task<Principal?> AuthenticateAsync(string key, DateTimeOffset at)
    {
        await using var store = SqliteProductStore.Open(Data);
        return await KeyAuthenticator.AuthenticateAsync(store, key, at, PrincipalKind.Partner);
    }

    private static string LastLine(string stdout) => stdout.TrimEnd('\n').Split('\n')[^1];
}
