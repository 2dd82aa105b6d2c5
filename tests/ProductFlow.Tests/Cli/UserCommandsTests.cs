using System.Text.Json;
using ProductFlow.Access;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Cli;

/// <summary><c>user add|grant|set-role|rotate-key|disable|list</c>: the console's users, made by the same commands as partners and suppliers.</summary>
[NonParallelizable]
public class UserCommandsTests
{
    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    private static string Pipelines => TestPaths.InRepository("pipelines");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task Add_stores_a_steward_with_its_role_and_pipelines_and_prints_a_key_that_signs_it_in()
    {
        var added = User("add", "ada", "--role", "steward", "--pipeline", "demo");

        Assert.That(added.ExitCode, Is.Zero, added.ToString());
        Assert.That(added.Stdout, Does.StartWith("user ada added: role steward, pipelines demo"));
        var user = await AuthenticateAsync(LastLine(added.Stdout));
        Assert.That((user?.Name, user?.Role), Is.EqualTo(("ada", "steward")));
        Assert.That(user!.Grants, Is.EqualTo(new[] { "demo" }));
        Assert.That(User("list").Stdout.Trim(), Does.StartWith("ada  enabled  steward  pipelines demo  since "));
    }

    [Test]
    public void An_admin_needs_no_pipeline_and_set_role_changes_the_role()
    {
        var added = User("add", "grace", "--role", "admin");
        var demoted = User("set-role", "grace", "--role", "steward");

        Assert.That((added.ExitCode, demoted.ExitCode), Is.EqualTo((0, 0)), added + "\n" + demoted);
        Assert.That(added.Stdout, Does.StartWith("user grace added: role admin, no pipelines"));
        using var list = JsonDocument.Parse(User("list", "--json").Stdout);
        var grace = list.RootElement.GetProperty("users")[0];
        Assert.That((grace.GetProperty("name").GetString(), grace.GetProperty("role").GetString()), Is.EqualTo(("grace", "steward")));
    }

    [Test]
    public void A_role_that_is_not_steward_or_admin_an_unknown_pipeline_and_an_unknown_user_are_usage_errors()
    {
        Assert.That(User("add", "grace", "--role", "admin").ExitCode, Is.Zero);
        var role = User("add", "ada", "--role", "owner");
        var pipeline = User("add", "ada", "--role", "steward", "--pipeline", "nope");
        var unknown = User("rotate-key", "nobody");

        Assert.That((role.ExitCode, pipeline.ExitCode, unknown.ExitCode), Is.EqualTo((2, 2, 2)));
        Assert.That(pipeline.Stderr.Trim(), Is.EqualTo("productflow: the pipelines folder has no pipeline 'nope' (hint: its pipelines: demo)"));
        Assert.That(unknown.Stderr.Trim(), Is.EqualTo("productflow: there is no user nobody (hint: 'productflow user list' shows the users)"));
    }

    [Test]
    public async Task Disable_refuses_the_users_key()
    {
        var key = LastLine(User("add", "ada", "--role", "steward").Stdout);

        var disabled = User("disable", "ada");

        Assert.That(disabled.ExitCode, Is.Zero, disabled.ToString());
        Assert.That(await AuthenticateAsync(key), Is.Null);
    }

    private CliResult User(params string[] args)
    {
        var withStore = args[0] is "add" or "grant" ? [.. args, "--data", Data, "--pipelines", Pipelines] : args.Append("--data").Append(Data).ToArray();
        return CliProcess.Run(_dir.Path, new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = null }, ["user", .. withStore]);
    }

    private async Task<Principal?> AuthenticateAsync(string key)
    {
        await using var store = SqliteProductStore.Open(Data);
        return await KeyAuthenticator.AuthenticateAsync(store, key, DateTimeOffset.UtcNow, PrincipalKind.User);
    }

    private static string LastLine(string stdout) => stdout.TrimEnd('\n').Split('\n')[^1];
}
