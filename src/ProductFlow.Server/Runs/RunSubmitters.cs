namespace ProductFlow.Server.Runs;

/// <summary>Who asked for a run, as <see cref="Store.RunRecord.SubmittedBy"/> keeps it.</summary>
internal static class RunSubmitters
{
    public static string Supplier(string name) => "supplier:" + name;

    /// <summary>A console user's upload or replay.</summary>
    public static string User(string name) => "user:" + name;

    public const string Operator = "operator";
}
