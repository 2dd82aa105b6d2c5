using ProductFlow.Server.Console;

namespace ProductFlow.Tests.Server;

/// <summary>Where the console sends a browser: only to its own pages after sign-in, and a SKU of any characters to its product page.</summary>
public class ConsolePathsTests
{
    [TestCase("/console/quarantine?pipeline=demo", "/console/quarantine?pipeline=demo")]
    [TestCase("https://evil.example/console/runs", "/console/runs")]
    [TestCase("//evil.example/console/runs", "/console/runs")]
    [TestCase("/console//evil.example", "/console/runs")]
    [TestCase("/console/\\evil.example", "/console/runs")]
    [TestCase("/hangfire", "/console/runs")]
    [TestCase(null, "/console/runs")]
    public void LocalReturn_goes_back_to_a_console_page_only(string? returnUrl, string expected) =>
        Assert.That(ConsolePaths.LocalReturn(returnUrl), Is.EqualTo(expected));

    [Test]
    public void Product_carries_a_sku_with_a_slash_and_markup_in_its_query() =>
        Assert.That(ConsolePaths.Product("AB/1 <x>&y"), Is.EqualTo("/console/product?sku=AB%2F1%20%3Cx%3E%26y"));

    [TestCase("20261124T101850Z-a9f70a", true)]
    [TestCase("../reports", false)]
    [TestCase("a/b", false)]
    [TestCase("", false)]
    public void IsId_takes_run_ids_and_nothing_that_walks_a_path(string id, bool expected) =>
        Assert.That(ConsolePaths.IsId(id), Is.EqualTo(expected));
}
