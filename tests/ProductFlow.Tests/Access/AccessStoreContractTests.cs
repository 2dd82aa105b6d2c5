using System.Data.Common;
using ProductFlow.Access;
using ProductFlow.Store;

namespace ProductFlow.Tests.Access;

/// <summary>The <see cref="IAccessStore"/> contract (principals, hashed keys, the access log), run against every store: each subclass opens an empty store per test.</summary>
public abstract class AccessStoreContractTests
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private IProductStore? _store;

    protected IProductStore Store => _store ?? throw new InvalidOperationException("the store is not open");

    protected static CancellationToken Token => TestContext.CurrentContext.CancellationToken;

    protected abstract Task<IProductStore> OpenEmptyStoreAsync();

    [SetUp]
    public async Task OpenStore() => _store = await OpenEmptyStoreAsync();

    [TearDown]
    public async Task CloseStore()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_saved_principal_is_found_by_kind_and_name_as_saved()
    {
        await Store.SavePrincipalAsync(new Principal(PrincipalKind.Partner, "acme") { Grants = ["partner", "web"], Created = Now }, Token);
        await Store.SavePrincipalAsync(new Principal(PrincipalKind.User, "ada") { Grants = ["demo"], Role = "steward", Created = Now.AddDays(1) }, Token);

        var partner = await Store.FindPrincipalAsync(PrincipalKind.Partner, "acme", Token);
        var user = await Store.FindPrincipalAsync(PrincipalKind.User, "ada", Token);

        Assert.That((partner!.Kind, partner.Name, partner.Role, partner.Disabled, partner.Created), Is.EqualTo((PrincipalKind.Partner, "acme", (string?)null, false, Now)));
        Assert.That(partner.Grants, Is.EqualTo(new[] { "partner", "web" }));
        Assert.That((user!.Role, user.Grants.Single(), user.Created), Is.EqualTo(("steward", "demo", Now.AddDays(1))));
        Assert.That(await Store.FindPrincipalAsync(PrincipalKind.Supplier, "acme", Token), Is.Null, "names are per kind");
        Assert.That(await Store.FindPrincipalAsync(PrincipalKind.Partner, "ACME", Token), Is.Null, "names compare ordinally");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Saving_a_principal_again_replaces_it()
    {
        var acme = new Principal(PrincipalKind.Partner, "acme") { Grants = ["partner"], Created = Now };
        await Store.SavePrincipalAsync(acme, Token);

        await Store.SavePrincipalAsync(acme with { Grants = [], Disabled = true }, Token);

        var found = await Store.FindPrincipalAsync(PrincipalKind.Partner, "acme", Token);
        Assert.That((found!.Grants.Count, found.Disabled, found.Created), Is.EqualTo((0, true, Now)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Principals_of_a_kind_are_read_by_name_in_ordinal_order()
    {
        foreach (var name in new[] { "b", "ä", "B", "a" })
        {
            await Store.SavePrincipalAsync(new Principal(PrincipalKind.Partner, name) { Created = Now }, Token);
        }

        await Store.SavePrincipalAsync(new Principal(PrincipalKind.Supplier, "s") { Created = Now }, Token);

        var names = await Store.ReadPrincipalsAsync(PrincipalKind.Partner, Token).Select(p => p.Name).ToListAsync(Token);

        Assert.That(names, Is.EqualTo(new[] { "B", "a", "b", "ä" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_key_is_found_by_its_id_with_its_hash_and_an_id_is_never_taken_twice()
    {
        var (_, stored) = ApiKeys.Create(PrincipalKind.Partner, "acme", Now);
        await Store.AddKeyAsync(stored, Token);

        var found = await Store.FindKeyAsync(stored.Id, Token);

        Assert.That((found!.Id, found.Kind, found.Principal, found.Created, found.Expires), Is.EqualTo((stored.Id, PrincipalKind.Partner, "acme", Now, (DateTimeOffset?)null)));
        Assert.That(found.Hash, Is.EqualTo(stored.Hash));
        Assert.That(await Store.FindKeyAsync("000000000000", Token), Is.Null);
        Assert.That(async () => await Store.AddKeyAsync(stored with { Principal = "other" }, Token), Throws.InstanceOf<DbException>());
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Expiring_keys_leaves_the_kept_key_and_earlier_expiries_and_other_principals_alone()
    {
        var (_, old) = ApiKeys.Create(PrincipalKind.Partner, "acme", Now);
        var (_, older) = ApiKeys.Create(PrincipalKind.Partner, "acme", Now);
        var (_, kept) = ApiKeys.Create(PrincipalKind.Partner, "acme", Now);
        var (_, other) = ApiKeys.Create(PrincipalKind.Partner, "globex", Now);
        var (_, supplier) = ApiKeys.Create(PrincipalKind.Supplier, "acme", Now);
        foreach (var key in new[] { old, older with { Expires = Now.AddHours(1) }, kept, other, supplier })
        {
            await Store.AddKeyAsync(key, Token);
        }

        await Store.ExpireKeysAsync(PrincipalKind.Partner, "acme", Now.AddDays(1), keep: kept.Id, Token);

        Assert.That((await Store.FindKeyAsync(old.Id, Token))!.Expires, Is.EqualTo(Now.AddDays(1)));
        Assert.That((await Store.FindKeyAsync(older.Id, Token))!.Expires, Is.EqualTo(Now.AddHours(1)), "an earlier expiry stays");
        Assert.That((await Store.FindKeyAsync(kept.Id, Token))!.Expires, Is.Null);
        Assert.That((await Store.FindKeyAsync(other.Id, Token))!.Expires, Is.Null);
        Assert.That((await Store.FindKeyAsync(supplier.Id, Token))!.Expires, Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_key_authenticates_its_enabled_principal_until_it_expires_and_never_another_kind()
    {
        await Store.SavePrincipalAsync(new Principal(PrincipalKind.Partner, "acme") { Grants = ["partner"], Created = Now }, Token);
        var (key, stored) = ApiKeys.Create(PrincipalKind.Partner, "acme", Now);
        await Store.AddKeyAsync(stored, Token);

        var principal = await KeyAuthenticator.AuthenticateAsync(Store, key, Now, PrincipalKind.Partner, cancellationToken: Token);
        var asSupplier = await KeyAuthenticator.AuthenticateAsync(Store, key, Now, PrincipalKind.Supplier, cancellationToken: Token);
        var tampered = await KeyAuthenticator.AuthenticateAsync(Store, key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), Now, PrincipalKind.Partner, cancellationToken: Token);
        await Store.ExpireKeysAsync(PrincipalKind.Partner, "acme", Now.AddMinutes(30), cancellationToken: Token);
        var inGrace = await KeyAuthenticator.AuthenticateAsync(Store, key, Now.AddMinutes(29), PrincipalKind.Partner, Token);
        var afterGrace = await KeyAuthenticator.AuthenticateAsync(Store, key, Now.AddMinutes(30), PrincipalKind.Partner, Token);

        Assert.That(principal?.Name, Is.EqualTo("acme"));
        Assert.That((asSupplier, tampered, afterGrace), Is.EqualTo(((Principal?)null, (Principal?)null, (Principal?)null)));
        Assert.That(inGrace?.Name, Is.EqualTo("acme"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_disabled_principal_is_refused_with_a_valid_key()
    {
        var acme = new Principal(PrincipalKind.Partner, "acme") { Grants = ["partner"], Created = Now };
        await Store.SavePrincipalAsync(acme, Token);
        var (key, stored) = ApiKeys.Create(PrincipalKind.Partner, "acme", Now);
        await Store.AddKeyAsync(stored, Token);

        await Store.SavePrincipalAsync(acme with { Disabled = true }, Token);

        Assert.That(await KeyAuthenticator.AuthenticateAsync(Store, key, Now, PrincipalKind.Partner, cancellationToken: Token), Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_access_log_reads_a_principals_records_newest_first_up_to_the_limit()
    {
        await Store.RecordAccessAsync(
            [
                new AccessRecord(Now, PrincipalKind.Partner, "acme", "latest", "partner", 200, 1234) { Version = 3 },
                new AccessRecord(Now.AddMinutes(2), PrincipalKind.Partner, "acme", "versions", "partner", 200, 99),
                new AccessRecord(Now.AddMinutes(1), PrincipalKind.Partner, "globex", "latest", "web", 403, 0),
                new AccessRecord(Now.AddMinutes(3), PrincipalKind.Supplier, "acme", "upload", "demo", 202, 5000),
            ],
            Token);
        await Store.RecordAccessAsync([new AccessRecord(Now.AddMinutes(4), PrincipalKind.Partner, "acme", "changes", null, 410, 0)], Token);

        var all = await Store.ReadAccessAsync(PrincipalKind.Partner, "acme", cancellationToken: Token).ToListAsync(Token);
        var latest = await Store.ReadAccessAsync(PrincipalKind.Partner, "acme", limit: 1, Token).ToListAsync(Token);

        Assert.That(
            all.Select(r => (r.At, r.Kind, r.Principal, r.Action, r.Target, r.Version, r.Status, r.Bytes)),
            Is.EqualTo(new (DateTimeOffset, PrincipalKind, string, string, string?, int?, int, long)[]
            {
                (Now.AddMinutes(4), PrincipalKind.Partner, "acme", "changes", null, null, 410, 0),
                (Now.AddMinutes(2), PrincipalKind.Partner, "acme", "versions", "partner", null, 200, 99),
                (Now, PrincipalKind.Partner, "acme", "latest", "partner", 3, 200, 1234),
            }));
        Assert.That(latest.Single().Action, Is.EqualTo("changes"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Session_keys_are_kept_by_name_oldest_first_and_a_name_is_never_overwritten()
    {
        await Store.SaveSessionKeyAsync("key-b", "<key id=\"b\"/>", Now.AddDays(1), Token);
        await Store.SaveSessionKeyAsync("key-a", "<key id=\"a\"/>", Now, Token);
        await Store.SaveSessionKeyAsync("key-a", "<key id=\"changed\"/>", Now.AddDays(2), Token);

        var keys = new List<(string, string)>();
        await foreach (var key in Store.ReadSessionKeysAsync(Token))
        {
            keys.Add(key);
        }

        Assert.That(keys, Is.EqualTo(new[] { ("key-a", "<key id=\"a\"/>"), ("key-b", "<key id=\"b\"/>") }));
    }}
