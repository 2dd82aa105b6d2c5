namespace ProductFlow.Tests.Support;

/// <summary>Locates the repository and the public test material inside it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder that holds ProductFlow.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The public test material: <c>PRODUCTFLOW_TESTDATA</c> when set, else <c>tests/TestData/public</c> of the repository.</summary>
    public static string PublicTestData =>
        Environment.GetEnvironmentVariable("PRODUCTFLOW_TESTDATA") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot, "tests", "TestData", "public");

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    public static string InPublicTestData(params string[] parts) => Path.Combine([PublicTestData, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProductFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ProductFlow.sln was not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
