using System.Text;
using Microsoft.Playwright;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Browser;

/// <summary>The steward console of <c>serve --embedded</c> in headless Chromium: a steward uploads a feed, finds out why products were
/// rejected, fixes them through the quarantine and sees them published, without leaving the browser; an admin previews and publishes a
/// channel; roles, escaping, live progress, labels and console errors, read from the DOM. Screenshots go to docs/console-*.png.</summary>
[NonParallelizable]
[CancelAfter(600_000)]
public sealed partial class ConsoleBrowserTests
{
    private const string HostileSku = "TS-9999-<script>window.pwned=1</script>";
    private const string HostileName = "<img src=x onerror=window.pwned=1>Tee";

    [Test]
    public async Task A_steward_uploads_a_feed_reads_why_rows_were_rejected_fixes_them_in_the_quarantine_and_sees_them_published()
    {
        await SignInAsync(_stewardKey);
        Assert.That(await _page.Locator("#signed-in-as").TextContentAsync(), Is.EqualTo("ada"));

        // Upload: the file dropped on the box, as a steward drags it from a folder.
        await _page.GetByRole(AriaRole.Link, new() { Name = "Upload", Exact = true }).ClickAsync();
        await _page.GetByLabel("Pipeline", new() { Exact = true }).SelectOptionAsync("demo");
        var feed = await File.ReadAllTextAsync(_demo.Sample);
        await _page.EvaluateAsync(
            """
            content => {
              const dropped = new DataTransfer();
              dropped.items.add(new File([content], 'supplier-apparel.csv', { type: 'text/csv' }));
              document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
            }
            """,
            feed);
        Assert.That(await _page.Locator("#drop-chosen").TextContentAsync(), Is.EqualTo("Chosen: supplier-apparel.csv"));
        await ScreenshotAsync("upload");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        // The run page follows the run by itself until it completes.
        await _page.WaitForURLAsync("**/console/runs/*");
        var runId = RunIdOfPage();
        Assert.That(await WaitForRunPageAsync(), Is.EqualTo("completed"));
        Assert.That(await _page.Locator("#count-read").TextContentAsync(), Is.EqualTo("361"));
        Assert.That(await _page.Locator("#count-rejected").TextContentAsync(), Is.EqualTo("7"));
        Assert.That(await _page.Locator("#issues-by-rule").TextContentAsync(), Does.Contain("gtin.check-digit"));
        await ScreenshotAsync("run");

        // Its quality report opens from the run page.
        await _page.Locator("#open-report").ClickAsync();
        await _page.WaitForURLAsync("**/report.html");
        Assert.That(await _page.Locator("#run-id").TextContentAsync(), Is.EqualTo(runId));
        await _page.GoBackAsync();

        // Why was TS-1002-RED-L rejected? The product search answers with the rule, the column, the value and what is wrong.
        await _page.GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).ClickAsync();
        await _page.GetByLabel("SKU or its beginning", new() { Exact = true }).FillAsync("TS-1002-RED-L");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await _page.WaitForURLAsync("**/console/product?sku=TS-1002-RED-L");
        var why = await _page.Locator("#rejected-issues tbody tr").TextContentAsync();
        Assert.That(why, Does.Contain("gtin.check-digit").And.Contain("4006381002106").And.Contain("wrong check digit (expected 3)"));
        Assert.That(await _page.Locator("#rejected-where").TextContentAsync(), Does.Contain(runId));
        Assert.That(await _page.Locator("#channel-verdicts [data-field=verdict]").AllTextContentsAsync(), Is.All.EqualTo("kept off"));
        await ScreenshotAsync("product-rejected");

        // The quarantine: download the open rows as the supplier's CSV, fix three of them, upload the file back.
        await _page.GetByRole(AriaRole.Link, new() { Name = "Quarantine", Exact = true }).ClickAsync();
        await _page.Locator(".card[data-pipeline=demo] h3 a").ClickAsync();
        Assert.That(await _page.Locator($"#open-entries tr[data-run-id='{runId}']").CountAsync(), Is.EqualTo(7));
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.Locator("#download-quarantine").ClickAsync());
        var downloaded = _demo.Combine("demo-quarantine.csv");
        await download.SaveAsAsync(downloaded);
        Assert.That(download.SuggestedFilename, Is.EqualTo("demo-quarantine.csv"));
        var lines = await File.ReadAllLinesAsync(downloaded, Encoding.UTF8);
        Assert.That(lines[0], Does.EndWith("pf_run,pf_line,pf_rule,pf_column,pf_message,pf_raw"));
        var corrected = _demo.Combine("demo-corrected.csv");
        await File.WriteAllLinesAsync(corrected,
        [
            lines[0],
            Fix(lines, "TS-1002-RED-L,", ",4006381002106,", ",4006381002103,"),
            Fix(lines, "TS-1022-GRY-XL,", ",\"12,99\",", ",12.99,"),
            Fix(lines, "TS-1028-WHT-L,", ",Purple,", ",White,"),
        ], new UTF8Encoding(true));
        await _page.Locator("#replay-file").SetInputFilesAsync(corrected);
        await ScreenshotAsync("quarantine");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Replay the corrected rows" }).ClickAsync();

        await _page.WaitForURLAsync("**/console/runs/*");
        var replay = RunIdOfPage();
        Assert.That(await WaitForRunPageAsync(), Is.EqualTo("completed"));
        Assert.That(await _page.Locator("#count-read").TextContentAsync(), Is.EqualTo("3"));
        Assert.That(await _page.Locator("#count-accepted").TextContentAsync(), Is.EqualTo("3"));
        Assert.That(await _page.Locator("#count-rejected").TextContentAsync(), Is.EqualTo("0"));
        Assert.That(await _page.Locator("#publications tr[data-channel=web] td").Nth(1).TextContentAsync(), Is.EqualTo("a new version"));

        // The three entries are closed by the replay; four stay open.
        await _page.GotoAsync(Url("/console/quarantine?pipeline=demo"));
        foreach (var sku in new[] { "TS-1002-RED-L", "TS-1022-GRY-XL", "TS-1028-WHT-L" })
        {
            Assert.That(await _page.Locator($"#closed-entries tr[data-sku='{sku}'][data-run-id='{runId}']").TextContentAsync(), Does.Contain(replay), sku);
            Assert.That(await _page.Locator($"#open-entries tr[data-sku='{sku}']").CountAsync(), Is.Zero, sku);
        }

        Assert.That(await _page.Locator($"#open-entries tr[data-run-id='{runId}']").CountAsync(), Is.EqualTo(4));

        // And the product is published on every channel, its GTIN from the corrected file.
        await _page.GotoAsync(Url("/console/product?sku=TS-1002-RED-L"));
        Assert.That(await _page.Locator("#rejected-issues").CountAsync(), Is.Zero);
        var verdicts = await _page.Locator("#channel-verdicts [data-field=verdict]").AllTextContentsAsync();
        Assert.That(verdicts, Has.Count.EqualTo(4).And.All.EqualTo("published"));
        var gtin = _page.Locator("#product-values tr[data-attribute=gtin]");
        Assert.That(await gtin.Locator("[data-field=value]").TextContentAsync(), Is.EqualTo("4006381002103"));
        Assert.That(await gtin.Locator(".origin").TextContentAsync(), Does.Contain("demo-corrected.replay.jsonl"), "lineage points into the replay the corrected file became");
        await ScreenshotAsync("product");
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task A_steward_fixes_a_rejected_row_in_the_browser_and_it_closes_and_is_published()
    {
        var rejecting = await UploadThroughApiAsync(_demo.Sample, "supplier-apparel.csv");
        Assert.That(await WaitForRunThroughApiAsync(rejecting), Is.EqualTo("completed"));
        await SignInAsync(_stewardKey);

        // The quarantine links each open row to a page that shows it as the feed had it, what the rules named first.
        await _page.GotoAsync(Url("/console/quarantine?pipeline=demo"));
        await _page.GetByRole(AriaRole.Link, new() { Name = "Fix HD-1012-RED-XL here" }).ClickAsync();
        await _page.WaitForURLAsync("**/console/quarantine/demo/fix?*");
        Assert.That(await _page.Locator("h1").TextContentAsync(), Is.EqualTo("Fix HD-1012-RED-XL"));
        Assert.That(await _page.Locator("#fix-where").TextContentAsync(), Does.Contain("supplier-apparel.csv").And.Contain("line 101").And.Contain(rejecting));
        var wrong = _page.Locator(".field.wrong");
        Assert.That(await wrong.CountAsync(), Is.EqualTo(1), "only the column a rule named is marked");
        Assert.That(await wrong.GetAttributeAsync("data-column"), Is.EqualTo("price_eur"));
        Assert.That(await wrong.Locator("ul.reasons").TextContentAsync(), Does.Contain("required").And.Contain("required attribute 'price' is missing"));
        var price = _page.GetByLabel("price_eur", new() { Exact = true });
        Assert.That(await price.InputValueAsync(), Is.Empty);
        Assert.That(await _page.GetByLabel("description_en", new() { Exact = true }).InputValueAsync(), Does.Contain("size XL"), "every other column as the feed had it");
        await AssertControlsLabelledAsync();
        await price.FillAsync("59.90");
        await ScreenshotAsync("fix");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Send the corrected row" }).ClickAsync();

        // The row runs through the pipeline's rules as a one-row partial run and closes its entry; the others stay open.
        await _page.WaitForURLAsync("**/console/runs/*");
        var fixedBy = RunIdOfPage();
        Assert.That(await WaitForRunPageAsync(), Is.EqualTo("completed"));
        Assert.That(await _page.Locator("#count-read").TextContentAsync(), Is.EqualTo("1"));
        Assert.That(await _page.Locator("#count-accepted").TextContentAsync(), Is.EqualTo("1"));
        await _page.GotoAsync(Url("/console/quarantine?pipeline=demo"));
        Assert.That(await _page.Locator($"#closed-entries tr[data-sku='HD-1012-RED-XL'][data-run-id='{rejecting}']").TextContentAsync(), Does.Contain(fixedBy));
        Assert.That(await _page.Locator($"#open-entries tr[data-run-id='{rejecting}']").CountAsync(), Is.EqualTo(6));

        // Published on every channel, the value's origin the fixed row at its line in the feed.
        await _page.GotoAsync(Url("/console/product?sku=HD-1012-RED-XL"));
        Assert.That(await _page.Locator("#channel-verdicts [data-field=verdict]").AllTextContentsAsync(), Has.Count.EqualTo(4).And.All.EqualTo("published"));
        var value = _page.Locator("#product-values tr[data-attribute=price]");
        Assert.That(await value.Locator("[data-field=value]").TextContentAsync(), Is.EqualTo("59.9"), "the canonical number of what the steward typed");
        Assert.That(await value.Locator(".origin").TextContentAsync(), Does.Contain("supplier-apparel-line-101-fixed.replay.jsonl"));

        AssertNoConsoleErrors();

        // The fixed row's page now says it is closed; a row of a pipeline the steward does not work on is not found.
        _errors.Clear();
        var closed = await _page.GotoAsync(Url($"/console/quarantine/demo/fix?run={rejecting}&line=101"));
        Assert.That(closed!.Status, Is.EqualTo(409));
        Assert.That(await _page.Locator("main").TextContentAsync(), Does.Contain("run " + fixedBy + " closed it"));
        var other = await _page.GotoAsync(Url($"/console/quarantine/nowhere/fix?run={rejecting}&line=10"));
        Assert.That(other!.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Validate_only_checks_a_feed_writes_its_report_and_records_no_run()
    {
        await SignInAsync(_stewardKey);
        await _page.GotoAsync(Url("/console/upload"));
        await _page.Locator("#mode-validate").CheckAsync();
        await _page.Locator("#upload-file").SetInputFilesAsync(_demo.Sample);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await _page.WaitForURLAsync("**/console/runs/*");
        var id = RunIdOfPage();
        Assert.That(await WaitForRunPageAsync(), Is.EqualTo("completed"));
        Assert.That(await _page.Locator("h1").TextContentAsync(), Is.EqualTo("Validation " + id));
        Assert.That(await _page.Locator("#count-rejected").TextContentAsync(), Is.EqualTo("7"));
        Assert.That(await _page.Locator("#count-changed").CountAsync(), Is.Zero);
        await _page.Locator("#open-report").ClickAsync();
        Assert.That(await _page.Locator("#run-id").TextContentAsync(), Is.EqualTo(id));

        await _page.GotoAsync(Url("/console/runs"));
        Assert.That(await _page.Locator($"#runs-table tr[data-run-id='{id}']").CountAsync(), Is.Zero, "a validation records no run");
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task A_failed_run_says_why_and_is_retried_from_its_page()
    {
        var broken = _demo.Combine("broken.csv");
        await File.WriteAllTextAsync(broken, "article,title\nA-1,One\n");
        await SignInAsync(_stewardKey);
        await _page.GotoAsync(Url("/console/upload"));
        await _page.Locator("#upload-file").SetInputFilesAsync(broken);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await _page.WaitForURLAsync("**/console/runs/*");
        var failed = RunIdOfPage();

        Assert.That(await WaitForRunPageAsync(), Is.EqualTo("failed"));
        Assert.That(await _page.Locator("#run-failure").TextContentAsync(), Does.Contain("missing from the header"));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Retry this feed" }).ClickAsync();

        await _page.WaitForURLAsync(url => url.Contains("/console/runs/", StringComparison.Ordinal) && !url.Contains(failed, StringComparison.Ordinal));
        Assert.That(await WaitForRunPageAsync(), Is.EqualTo("failed"), "the same feed, run again");
        Assert.That(await _page.Locator("#run-state + dl.facts").TextContentAsync(), Does.Contain("broken.csv").And.Contain("ada"));
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task Rotating_a_users_key_ends_the_session_it_opened()
    {
        var key = AddUser("linus", "steward", "demo");
        await SignInAsync(key);

        var rotated = _demo.Cli(new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = null }, ["user", "rotate-key", "linus", "--data", _demo.Data]);
        Assert.That(rotated.ExitCode, Is.Zero, rotated.ToString());
        await _page.GotoAsync(Url("/console/upload"));

        Assert.That(_page.Url, Does.Contain("/console/sign-in"));
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task An_admin_previews_a_channel_after_its_mapping_changed_field_by_field_and_publishes_it()
    {
        await SignInAsync(_adminUserKey);
        await _page.GotoAsync(Url("/console/channels"));
        var before = (await _page.Locator("#channels tr[data-channel=partner] [data-field=version]").TextContentAsync())!.Trim();
        Assert.That(before, Does.StartWith("v"));
        _demo.Patch(Path.Combine("schemas", "catalog.json"), "{ \"header\": \"Title\", \"value\": \"title\" }", "{ \"header\": \"Title\", \"value\": \"name\" }");

        await _page.Locator("#channels tr[data-channel=partner] a").ClickAsync();
        Assert.That(await _page.Locator("#preview-summary").TextContentAsync(), Does.Contain($"Against {before}").And.Not.Contain(" 0 changed"));
        // The column now reads the name: per record, the title's text goes and the name's comes.
        var sku = await _page.Locator("#preview-changes tr[data-field=title]").First.GetAttributeAsync("data-sku");
        var title = _page.Locator($"#preview-changes tr[data-field=title][data-sku='{sku}']");
        var name = _page.Locator($"#preview-changes tr[data-field=name][data-sku='{sku}']");
        Assert.That((await title.Locator(".old").TextContentAsync(), await title.Locator(".new").TextContentAsync()), Is.EqualTo((await TitleOfAsync(sku!), "(none)")));
        Assert.That(await name.Locator(".new").TextContentAsync(), Is.Not.Empty.And.Not.Contain(" – ").And.Not.EqualTo("(none)"));
        await ScreenshotAsync("channel", fullPage: false);

        await _page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        Assert.That(await _page.Locator("#publish-result").TextContentAsync(), Does.Contain("Published version v"));
        var after = (await _page.Locator("#current-version [data-field=version]").TextContentAsync())!.Trim();
        Assert.That(int.Parse(after[1..], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(int.Parse(before[1..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await _page.Locator("#preview-summary").TextContentAsync(), Does.Contain(" 0 changed"));
        Assert.That(await _page.Locator($"#versions tr[data-version='{after[1..]}']").CountAsync(), Is.EqualTo(1));
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task A_steward_is_refused_the_admin_pages_and_publishing()
    {
        await SignInAsync(_stewardKey);
        Assert.That(await _page.GetByRole(AriaRole.Link, new() { Name = "Partners & schedules" }).CountAsync(), Is.Zero, "not in a steward's navigation");

        var admin = await _page.GotoAsync(Url("/console/admin"));

        Assert.That(admin!.Status, Is.EqualTo(403));
        Assert.That(await _page.Locator("#denied").TextContentAsync(), Does.Contain("for admins"));
        await _page.GotoAsync(Url("/console/channels/web"));
        Assert.That(await _page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).CountAsync(), Is.Zero);
        AssertNoConsoleErrors(allowedStatus: 403);
    }

    [Test]
    public async Task A_wrong_key_is_refused_and_the_session_cookie_is_http_only_and_same_site_strict()
    {
        await _page.GotoAsync(Url("/console/runs"));
        Assert.That(_page.Url, Does.Contain("/console/sign-in"));
        await _page.GetByLabel("Key", new() { Exact = true }).FillAsync("pf_0123456789ab_notarealkeynotarealkeynotarealkey");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.That(await _page.Locator("#sign-in-failed").TextContentAsync(), Does.Contain("does not sign anyone in"));
        await ScreenshotAsync("sign-in");

        await SignInAsync(AdminKey);

        var session = (await Chromium.Context.CookiesAsync()).Single(c => c.Name == "productflow-session");
        Assert.That((session.HttpOnly, session.SameSite, session.Path), Is.EqualTo((true, SameSiteAttribute.Strict, "/console")));
        Assert.That(await _page.Locator("#signed-in-as").TextContentAsync(), Is.EqualTo("operator"));
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await _page.WaitForURLAsync("**/console/sign-in");
        AssertNoConsoleErrors(allowedStatus: 401);
    }

    [Test]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        await SignInAsync(AdminKey);

        var response = await _page.APIRequest.PostAsync(Url("/console/channels/web/publish"), new() { Form = _page.APIRequest.CreateFormData().Set("x", "1") });
        var upload = await _page.APIRequest.PostAsync(Url("/console/upload"), new() { Multipart = _page.APIRequest.CreateFormData().Set("pipeline", "demo") });

        Assert.That((response.Status, upload.Status), Is.EqualTo((400, 400)));
    }

    [Test]
    public async Task The_runs_page_follows_a_running_run_in_place_with_its_progress_and_each_pipelines_trend()
    {
        // Big enough to run for some seconds, so the page sees rows counted while it runs (progress is reported, and the page
        // polls, once a second; a faster run needs a bigger feed to be seen running).
        var big = BigFeed.Write(_demo.Combine("big.csv"), copies: 500, distinctModels: true);
        await SignInAsync(AdminKey);
        var runId = await UploadThroughApiAsync(big, "big.csv");

        await _page.GotoAsync(Url("/console/runs"));
        var row = _page.Locator($"#runs-table tr[data-run-id='{runId}']");
        Assert.That(await row.GetAttributeAsync("data-status"), Is.AnyOf("queued", "running"), "the run ended before the page showed it: make the feed bigger");
        await _page.EvaluateAsync("() => { window.stayedOnPage = true; }");
        await row.Locator("[data-field=progress]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^[1-9][0-9,]* rows") })
            .WaitForAsync(new() { Timeout = (float)RunTimeout.TotalMilliseconds });
        await ScreenshotAsync("runs");
        await _page.Locator($"#runs-table tr[data-run-id='{runId}'][data-status=completed]").WaitForAsync(new() { Timeout = (float)RunTimeout.TotalMilliseconds });

        Assert.That(await _page.EvaluateAsync<bool>("() => window.stayedOnPage === true"), Is.True, "updated in place, not reloaded");
        Assert.That(await row.Locator("[data-field=read]").TextContentAsync(), Is.EqualTo("180,500"), "every row of the feed: 500 copies of the sample's 361");
        Assert.That(await _page.Locator("figure.trend[data-pipeline=demo] svg g[data-run-id]").CountAsync(), Is.GreaterThanOrEqualTo(1));
        await _page.ReloadAsync();
        Assert.That(await _page.Locator($"figure.trend[data-pipeline=demo] svg g[data-run-id='{runId}']").CountAsync(), Is.EqualTo(1));
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task A_hostile_sku_and_value_are_shown_as_text_on_every_page_that_shows_them()
    {
        var sample = await File.ReadAllLinesAsync(_demo.Sample);
        var fields = sample.First(l => l.StartsWith("TS-1001-NVY-S,", StringComparison.Ordinal)).Split(',');
        fields[0] = HostileSku;
        fields[1] = "TS-9999";
        fields[4] = HostileName;
        fields[^6] = Gtin("400638199999");
        var hostile = _demo.Combine("hostile.csv");
        await File.WriteAllLinesAsync(hostile, [sample[0], string.Join(',', fields)]);
        var runId = await UploadThroughApiAsync(hostile, "hostile.csv");
        await WaitForRunThroughApiAsync(runId);
        await SignInAsync(AdminKey);

        await _page.GotoAsync(Url("/console/products"));
        await _page.GetByLabel("SKU or its beginning", new() { Exact = true }).FillAsync("TS-9999-<script>");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        Assert.That(await _page.Locator("#sku-results a").AllTextContentsAsync(), Is.EqualTo(new[] { HostileSku }));
        await _page.Locator("#sku-results a").ClickAsync();
        await _page.WaitForURLAsync("**/console/product?sku=*");

        Assert.That(await _page.Locator("h1").TextContentAsync(), Is.EqualTo("Product " + HostileSku));
        Assert.That(await _page.Locator("#product-values tr[data-attribute=name]").AllTextContentsAsync(), Has.Some.Contain(HostileName));
        foreach (var page in new[] { "/console/runs", $"/console/runs/{runId}", "/console/quarantine?pipeline=demo", "/console/channels/web" })
        {
            await _page.GotoAsync(Url(page));
        }

        await _page.GotoAsync(Url("/console/product?sku=" + Uri.EscapeDataString(HostileSku)));
        Assert.That(await _page.EvaluateAsync<bool>("() => window.pwned === undefined && document.querySelectorAll('main script, main img').length === 0"), Is.True);
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task Every_page_loads_without_console_errors_with_every_control_labelled_and_fits_a_narrow_window()
    {
        await SignInAsync(AdminKey);
        await _page.GotoAsync(Url("/console/runs"));
        var run = (await _page.Locator("#runs-table tbody tr").First.GetAttributeAsync("data-run-id"))!;
        string[] pages =
        [
            "/console/runs", $"/console/runs/{run}", "/console/upload", "/console/products?q=TS-10", "/console/product?sku=TS-1001-NVY-S",
            "/console/quarantine", "/console/quarantine?pipeline=demo", "/console/channels", "/console/channels/partner", "/console/admin",
        ];
        foreach (var page in pages)
        {
            var response = await _page.GotoAsync(Url(page));
            Assert.That(response!.Status, Is.EqualTo(200), page);
            await AssertControlsLabelledAsync();
        }

        await _page.GotoAsync(Url($"/console/runs/{run}/report.html"));
        Assert.That(await _page.Locator("#run-id").TextContentAsync(), Is.EqualTo(run));

        await _page.SetViewportSizeAsync(390, 844);
        foreach (var page in new[] { "/console/runs", "/console/upload", "/console/product?sku=TS-1001-NVY-S", "/console/quarantine?pipeline=demo" })
        {
            await _page.GotoAsync(Url(page));
            Assert.That(await _page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), Is.True, $"{page} scrolls sideways at 390 px");
        }

        await ScreenshotAsync("narrow", fullPage: false);
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task Every_control_of_the_upload_page_is_reached_with_the_tab_key()
    {
        await SignInAsync(_stewardKey);
        await _page.GotoAsync(Url("/console/upload"));
        var reached = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            await _page.Keyboard.PressAsync("Tab");
            reached.Add(await _page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent.trim()"));
        }

        Assert.That(reached, Is.SupersetOf(new[] { "upload-pipeline", "mode-run", "upload-file", "upload-send", "Sign out" }));
        AssertNoConsoleErrors();
    }

    [Test]
    public async Task An_admin_adds_a_supplier_and_sees_its_key_once_then_rotates_and_revokes_it()
    {
        await SignInAsync(AdminKey);
        await _page.GotoAsync(Url("/console/admin"));
        await _page.Locator("details.add summary", new() { HasTextString = "Add a supplier" }).ClickAsync();
        await _page.Locator("#add-supplier-name").FillAsync("nordic");
        await _page.Locator("form[action$='/supplier/add'] input[name=grant][value=demo]").CheckAsync();
        await _page.Locator("#add-supplier").ClickAsync();

        var key = await _page.Locator("#new-key").InputValueAsync();
        Assert.That(key, Does.StartWith("pf_"));
        await ScreenshotAsync("admin");
        Assert.That(await _page.Locator("#suppliers tr[data-name=nordic]").TextContentAsync(), Does.Contain("demo").And.Contain("active"));
        Assert.That(await UploadStatusAsync(key), Is.EqualTo(202), "the key shown is the supplier's");

        await _page.GotoAsync(Url("/console/admin"));
        Assert.That(await _page.Locator("#new-key").CountAsync(), Is.Zero, "a key is shown once");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Rotate the key of supplier nordic" }).ClickAsync();
        var rotated = await _page.Locator("#new-key").InputValueAsync();
        Assert.That((await UploadStatusAsync(key), await UploadStatusAsync(rotated)), Is.EqualTo((401, 202)));

        await _page.GetByRole(AriaRole.Button, new() { Name = "Revoke supplier nordic" }).ClickAsync();
        Assert.That(await _page.Locator("#suppliers tr[data-name=nordic]").TextContentAsync(), Does.Contain("revoked"));
        Assert.That(await UploadStatusAsync(rotated), Is.EqualTo(401));
        AssertNoConsoleErrors();
    }

    private async Task<int> UploadStatusAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "feeds/demo?name=key-check.csv") { Content = new StringContent(await File.ReadAllTextAsync(_demo.Sample)) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await _serve.Client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The title a product's page shows for the web channel's locale (the template's text), read from its values.</summary>
    private async Task<string> TitleOfAsync(string sku)
    {
        var page = await Chromium.Context.NewPageAsync();
        try
        {
            await page.GotoAsync(Url("/console/product?sku=" + Uri.EscapeDataString(sku)));
            return (await page.Locator("#product-values tr[data-attribute=title] [data-field=value]").First.TextContentAsync())!;
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>A GTIN-13: the twelve digits and their check digit.</summary>
    private static string Gtin(string twelve)
    {
        var sum = twelve.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return twelve + ((10 - (sum % 10)) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Fix(string[] lines, string sku, string from, string to)
    {
        var line = lines.Single(l => l.StartsWith(sku, StringComparison.Ordinal));
        Assert.That(line, Does.Contain(from), sku);
        return line.Replace(from, to, StringComparison.Ordinal);
    }
}
