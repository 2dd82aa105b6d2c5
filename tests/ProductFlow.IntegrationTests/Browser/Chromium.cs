using Microsoft.Playwright;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Browser;

/// <summary>One headless Chromium (the Debian package, driven by Playwright) for every browser test of the run: the report's and the console's.</summary>
/// <remarks>
/// The browser is <c>PRODUCTFLOW_CHROMIUM</c> (test.sh sets it) or <c>/usr/bin/chromium</c>; Playwright never downloads one.
/// Without it the browser tests are skipped on a developer's machine and fail under <c>CI=true</c>.
/// </remarks>
[SetUpFixture]
public sealed class Chromium
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-sync", "--disable-background-networking",
        "--disable-component-update", "--no-first-run",
    ];

    private static IBrowserContext? _context;

    private IPlaywright? _playwright;
    private TempDirectory? _profile;

    /// <summary>The browser's context: open a page per test and close it after.</summary>
    public static IBrowserContext Context => _context ?? throw new InvalidOperationException("Chromium is not running");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var path = Environment.GetEnvironmentVariable("PRODUCTFLOW_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            var message = $"Chromium not found at {path}: install the Debian package (apt-get install -y chromium) or run ./test.sh";
            MissingTool.Stop(message);
        }

        _profile = new TempDirectory();
        _playwright = await Playwright.CreateAsync();
        // A persistent context is how Playwright takes a user data folder of our own: a fresh one per run.
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(15_000);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
            _context = null;
        }

        _playwright?.Dispose();
        _profile?.Dispose();
    }
}
