
namespace ProductFlow.Primitives;

/// <summary>A feed's name as it may be written in an inbox: its last path part, without characters a file system, a URL or a shell trips on.</summary>
public static class InboxNames
{
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string(file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "feed" : safe;
    }
}
