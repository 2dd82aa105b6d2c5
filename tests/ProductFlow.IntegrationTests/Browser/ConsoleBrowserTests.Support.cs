using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using ProductFlow.IntegrationTests.Server;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Browser;

/// <summary>The console's fixture: a copy of the demo, a steward and an admin user, <c>serve --embedded</c> on 127.0.0.1 with a first run of
/// the demo feed made through the API, and one page of the shared Chromium per test, its console errors collected.</summary>
public sealed partial class ConsoleBrowserTests
{
    private const string AdminKey = "console-admin-key-for-tests-only";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    private readonly List<string> _errors = [];
    private DemoFolder _demo = null!;
    private ServeProcess _serve = null!;
    private string _stewardKey = null!;
    private string _adminUserKey = null!;
    private IPage _page = null!;

    private Dictionary<string, string?> Environment => new()
    {
        ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null,
        ["ProductFlow__DataDirectory"] = _demo.Data,
        ["ProductFlow__AdminKey"] = AdminKey,
        ["ProductFlow__Jobs__QueuePollInterval"] = "00:00:00.5",
        ["ProductFlow__Jobs__SchedulePollingInterval"] = "00:00:01",
    };

    [OneTimeSetUp]
    public async Task StartTheServiceAsync()
    {
        _demo = new DemoFolder();
        _stewardKey = AddUser("ada", "steward", "demo");
        _adminUserKey = AddUser("grace", "admin");
        _serve = await ServeProcess.StartAsync(_demo.Root, Environment, "--embedded");
        var baseline = await UploadThroughApiAsync(_demo.Sample, "baseline.csv");
        Assert.That(await WaitForRunThroughApiAsync(baseline), Is.EqualTo("completed"), _serve.Output);
    }

    [OneTimeTearDown]
    public async Task StopTheServiceAsync()
    {
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        _demo?.Dispose();
    }

    [SetUp]
    public async Task OpenPageAsync()
    {
        _errors.Clear();
        await Chromium.Context.ClearCookiesAsync();
        _page = await Chromium.Context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"{_page.Url}: {message.Text}");
            }
        };
        _page.PageError += (_, error) => _errors.Add($"{_page.Url}: {error}");
    }

    [TearDown]
    public async Task ClosePageAsync()
    {
        await _page.CloseAsync();
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            await TestContext.Out.WriteLineAsync(_serve.Output);
        }
    }

    private string Url(string path) => new Uri(_serve.Address, path).ToString();

    private string AddUser(string name, string role, params string[] pipelines)
    {
        var result = _demo.Cli(
            new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = null },
            ["user", "add", name, "--role", role, .. pipelines.SelectMany(p => new[] { "--pipeline", p }), "--data", _demo.Data, "--pipelines", _demo.Combine("pipelines")]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    /// <summary>Signs in through the sign-in form and lands on the runs page.</summary>
    private async Task SignInAsync(string key)
    {
        await _page.GotoAsync(Url("/console/sign-in"));
        await _page.GetByLabel("Key", new() { Exact = true }).FillAsync(key);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await _page.WaitForURLAsync("**/console/runs");
    }

    /// <summary>Waits on a run page until its state is final (the page's script reloads it when the run ends); returns the state.</summary>
    private async Task<string> WaitForRunPageAsync()
    {
        await _page.Locator("#run-state[data-status=completed], #run-state[data-status=failed]").WaitForAsync(new() { Timeout = (float)RunTimeout.TotalMilliseconds });
        return (await _page.Locator("#run-status").TextContentAsync())!.Trim();
    }

    private string RunIdOfPage() => _page.Url.Split("/console/runs/")[1].Split('?')[0];

    /// <summary>console-<paramref name="name"/>.png, the whole page or what the window shows of a long one: into the folder
    /// <c>PRODUCTFLOW_CONSOLE_SHOTS</c> names (<c>docs</c> remakes the documentation's), else into the fixture's folder, so that a test
    /// run leaves the repository as it was.</summary>
    private async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        var folder = System.Environment.GetEnvironmentVariable("PRODUCTFLOW_CONSOLE_SHOTS") is { Length: > 0 } shots
            ? Path.GetFullPath(shots, TestPaths.RepositoryRoot)
            : _demo.Combine("shots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"console-{name}.png");
        await _page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(10_000), path);
    }

    /// <summary>No console error, no uncaught exception, on any page the test opened; <paramref name="allowedStatus"/> lets a page the test
    /// asked for on purpose answer with that status (Chromium logs a page's 4xx as an error).</summary>
    private void AssertNoConsoleErrors(int? allowedStatus = null)
    {
        var errors = allowedStatus is { } status ? _errors.Where(e => !e.Contains($"status of {status}", StringComparison.Ordinal)).ToList() : _errors;
        Assert.That(errors, Is.Empty);
    }

    /// <summary>Every control of the page has a name a screen reader says: its label, aria-label or (a button) its text.</summary>
    private async Task AssertControlsLabelledAsync()
    {
        var unlabelled = await _page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
              .filter(el => !((el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim())))
              .map(el => el.outerHTML)
            """);
        Assert.That(unlabelled, Is.Empty, _page.Url);
    }

    private async Task<string> UploadThroughApiAsync(string path, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"feeds/demo?name={Uri.EscapeDataString(name)}")
        {
            Content = new StreamContent(File.OpenRead(path)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
        };
        request.Headers.Add("X-Api-Key", AdminKey);
        using var response = await _serve.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("runId").GetString()!;
    }

    private async Task<string> WaitForRunThroughApiAsync(string runId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"runs/{runId}");
            request.Headers.Add("X-Api-Key", AdminKey);
            using var response = await _serve.Client.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString() is ("completed" or "failed") and var status)
            {
                return status;
            }

            if (clock.Elapsed > RunTimeout)
            {
                Assert.Fail($"run {runId} did not end within {RunTimeout}: {_serve.Output}");
            }

            await Task.Delay(250);
        }
    }
}
