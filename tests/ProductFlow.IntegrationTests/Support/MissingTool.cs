namespace ProductFlow.IntegrationTests.Support;

/// <summary>What a suite does when its server or tool is missing: under <c>CI=true</c> it fails, elsewhere it is
/// skipped with the reason (which <c>./test.sh</c> lists and counts), so a green line never hides a suite that did not run.</summary>
internal static class MissingTool
{
    public static bool UnderCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails the test under CI, skips it with <paramref name="reason"/> elsewhere; never returns.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Stop(string reason)
    {
        if (UnderCi)
        {
            Assert.Fail(reason + " (CI=true: a missing server fails the suite)");
        }

        Assert.Ignore(reason);
        throw new InvalidOperationException(reason); // not reached: Assert.Ignore throws
    }
}
