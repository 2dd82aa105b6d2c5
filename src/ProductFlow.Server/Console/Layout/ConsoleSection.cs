namespace ProductFlow.Server.Console.Layout;

/// <summary>The console's sections, as its navigation shows them; a page names the one it belongs to.</summary>
public enum ConsoleSection
{
    None,
    Runs,
    Upload,
    Products,
    Quarantine,
    Channels,
    Admin,
}
