using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Architecture;

/// <summary>The folders of <c>src/ProductFlow.Core</c> depend on each other one way (see docs/architecture.md), and the reading of those dependencies finds what it must.</summary>
public class FolderCycleTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder() => _root = Directory.CreateTempSubdirectory("productflow-folders-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Core_folders_have_no_cycle()
    {
        var graph = FolderGraph.Read(TestPaths.InRepository("src", "ProductFlow.Core"), "ProductFlow");

        Assert.That(graph.Folders, Does.Contain("Rules").And.Contain("Channels"), "the folders were read");
        Assert.That(graph.DependenciesOf("Channels"), Does.Contain("Rules"), "a known dependency was found");
        Assert.That(graph.Cycles(), Is.Empty, "folders of src/ProductFlow.Core that depend on each other");
    }

    [Test]
    public void A_using_directive_each_way_is_a_cycle_named_with_its_files()
    {
        Write("Rules/FormulaRule.cs", "using ProductFlow.Channels;\nnamespace ProductFlow.Rules;\ninternal sealed class FormulaRule { }");
        Write("Channels/Writer.cs", "using ProductFlow.Rules;\nnamespace ProductFlow.Channels;\ninternal sealed class Writer { }");

        var cycles = FolderGraph.Read(_root, "ProductFlow").Cycles();

        Assert.That(cycles, Has.Count.EqualTo(1));
        Assert.That(cycles[0], Does.StartWith("Channels -> Rules (Channels/Writer.cs) -> Channels (Rules/FormulaRule.cs)"));
    }

    [Test]
    public void Qualified_names_count_whether_global_full_or_from_inside_the_root_namespace()
    {
        Write("Catalog/Definition.cs", "namespace ProductFlow.Catalog;\ninternal sealed class Definition { public Channels.Google.GoogleOptions? Google { get; set; } }");
        Write("Channels/Google/GoogleOptions.cs", "namespace ProductFlow.Channels.Google;\ninternal sealed class GoogleOptions { }");
        Write("Channels/View.cs", "namespace ProductFlow.Channels;\ninternal sealed class View { object? D => global::ProductFlow.Store.Row.Empty; }");
        Write("Store/Row.cs", "namespace ProductFlow.Store;\ninternal sealed class Row { public static Row? Empty; object? C => typeof(ProductFlow.Catalog.Definition); }");

        var graph = FolderGraph.Read(_root, "ProductFlow");

        Assert.That(graph.DependenciesOf("Catalog"), Is.EquivalentTo(new[] { "Channels" }));
        Assert.That(graph.DependenciesOf("Channels"), Is.EquivalentTo(new[] { "Store" }));
        Assert.That(graph.DependenciesOf("Store"), Is.EquivalentTo(new[] { "Catalog" }));
        Assert.That(graph.Cycles().Single(), Does.StartWith("Catalog -> Channels (Catalog/Definition.cs) -> Store (Channels/View.cs) -> Catalog (Store/Row.cs)"));
    }

    [Test]
    public void Comments_strings_and_member_names_are_not_references()
    {
        Write("Rules/RuleSet.cs", """
            namespace ProductFlow.Rules;
            /// <summary>Runs before <see cref="ProductFlow.Channels.Writer"/>.</summary>
            internal sealed class RuleSet
            {
                // using ProductFlow.Channels;
                private const string Name = "ProductFlow.Channels.Writer";
                private readonly char _c = '"';
                private static int Count(Definition definition) => definition.Channels.Count + Channels.Count;
                private static readonly List<int> Channels = [];
            }
            """);
        Write("Channels/Writer.cs", "using ProductFlow.Rules;\nnamespace ProductFlow.Channels;\ninternal sealed class Writer { }");

        var graph = FolderGraph.Read(_root, "ProductFlow");

        Assert.That(graph.DependenciesOf("Rules"), Is.Empty);
        Assert.That(graph.DependenciesOf("Channels"), Is.EquivalentTo(new[] { "Rules" }));
        Assert.That(graph.Cycles(), Is.Empty);
    }

    [Test]
    public void A_reference_inside_an_interpolated_string_hole_counts()
    {
        Write("Rules/Report.cs", "namespace ProductFlow.Rules;\ninternal sealed class Report { string M(string s) => $\"key {Store.Keys.Of(s)}\"; }");
        Write("Store/Keys.cs", "using ProductFlow.Rules;\nnamespace ProductFlow.Store;\ninternal static class Keys { public static int Of(string s) => 0; }");

        Assert.That(FolderGraph.Read(_root, "ProductFlow").Cycles().Single(), Does.StartWith("Rules -> Store (Rules/Report.cs) -> Rules (Store/Keys.cs)"));
    }

    private void Write(string relative, string code)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
    }
}
