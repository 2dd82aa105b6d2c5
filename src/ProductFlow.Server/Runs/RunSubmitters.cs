namespace ProductFlow.Server.Runs;

/// <summary>Who asked for a run, as <see cref="Store.RunRecord.SubmittedBy"/> keeps it.</summary>
internal static class RunSubmitters
{
    public static string Supplier(string name) => "supplier:" + name;

    public const string Operator = "operator";
}
