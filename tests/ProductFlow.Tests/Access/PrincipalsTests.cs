using ProductFlow.Access;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Access;

/// <summary><see cref="Principals"/>: adding and changing principals, each refusal a value (the commands and the console word it).</summary>
public class PrincipalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TempDirectory _dir = null!;
    private SqliteProductStore _store = null!;

    [SetUp]
    public void OpenStore()
    {
        _dir = new TempDirectory();
        _store = SqliteProductStore.Open(_dir.Path);
    }

    [TearDown]
    public async Task CloseStore()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Add_returns_a_key_once_and_a_second_add_of_the_name_is_refused_as_existing()
    {
        var first = await Principals.AddAsync(_store, new Principal(PrincipalKind.Supplier, "nordic") { Grants = ["demo", "demo"] }, Now);
        var second = await Principals.AddAsync(_store, new Principal(PrincipalKind.Supplier, "nordic") { Grants = ["other"] }, Now);

        Assert.That(first.Done, Is.True);
        Assert.That(first.Principal!.Grants, Is.EqualTo(new[] { "demo" }));
        Assert.That(await KeyAuthenticator.AuthenticateAsync(_store, first.Key, Now, PrincipalKind.Supplier), Is.Not.Null);
        Assert.That((second.Outcome, second.Key), Is.EqualTo((PrincipalOutcome.Exists, (string?)null)));
        Assert.That((await _store.FindPrincipalAsync(PrincipalKind.Supplier, "nordic"))!.Grants, Is.EqualTo(new[] { "demo" }));
    }

    [Test]
    public async Task Rotate_gives_a_new_key_and_the_old_one_stops_after_the_grace()
    {
        var old = (await Principals.AddAsync(_store, new Principal(PrincipalKind.Partner, "acme") { Grants = ["web"] }, Now)).Key;

        var rotated = await Principals.RotateKeyAsync(_store, PrincipalKind.Partner, "acme", Now, TimeSpan.FromHours(1));

        Assert.That(rotated.Key, Is.Not.EqualTo(old));
        Assert.That(await KeyAuthenticator.AuthenticateAsync(_store, old, Now.AddMinutes(59)), Is.Not.Null);
        Assert.That(await KeyAuthenticator.AuthenticateAsync(_store, old, Now.AddHours(1)), Is.Null);
        Assert.That(await KeyAuthenticator.AuthenticateAsync(_store, rotated.Key, Now.AddDays(1)), Is.Not.Null);
    }

    [Test]
    public async Task Grants_change_both_ways_and_a_principal_that_does_not_exist_is_not_found()
    {
        await Principals.AddAsync(_store, new Principal(PrincipalKind.User, "ada") { Grants = ["a"], Role = UserRoles.Steward }, Now);

        var changed = await Principals.ChangeGrantsAsync(_store, PrincipalKind.User, "ada", ["b", "c"], ["a"]);
        var missing = await Principals.DisableAsync(_store, PrincipalKind.User, "nobody");

        Assert.That(changed.Principal!.Grants, Is.EqualTo(new[] { "b", "c" }));
        Assert.That(changed.Principal.Role, Is.EqualTo("steward"));
        Assert.That(missing.Outcome, Is.EqualTo(PrincipalOutcome.NotFound));
    }
}
