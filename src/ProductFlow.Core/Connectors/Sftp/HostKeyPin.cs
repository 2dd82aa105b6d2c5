using System.Text.RegularExpressions;

namespace ProductFlow.Connectors.Sftp;

/// <summary>The host keys an SFTP server may present: SHA-256 fingerprints as <c>ssh-keygen -lf</c> prints them (<c>SHA256:</c> and 43
/// base64 characters, the padding <c>=</c> optional), several separated by commas or spaces.</summary>
public sealed partial class HostKeyPin
{
    public static readonly HostKeyPin None = new([]);

    private HostKeyPin(IReadOnlyList<string> fingerprints)
    {
        Fingerprints = fingerprints;
    }

    /// <summary>The pinned fingerprints, <c>SHA256:</c> and unpadded base64.</summary>
    public IReadOnlyList<string> Fingerprints { get; }

    /// <summary>Whether <paramref name="sha256"/> (unpadded base64, without <c>SHA256:</c>, as SSH.NET gives it) is pinned.</summary>
    public bool Accepts(string sha256) => Fingerprints.Contains("SHA256:" + sha256.TrimEnd('='), StringComparer.Ordinal);

    public override string ToString() => string.Join(", ", Fingerprints);

    /// <summary>Parses pinned fingerprints; null or empty: none.</summary>
    /// <exception cref="FormatException">A part is not a SHA-256 fingerprint.</exception>
    public static HostKeyPin Parse(string? text)
    {
        if (Problem(text) is { } problem)
        {
            throw new FormatException(problem);
        }

        return string.IsNullOrWhiteSpace(text) ? None : new HostKeyPin(Split(text).Select(f => f.TrimEnd('=')).ToList());
    }

    /// <summary>Why <paramref name="text"/> is not a list of fingerprints; null when it is one (or empty).</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var bad = Split(text).FirstOrDefault(f => !Fingerprint().IsMatch(f));
        return bad is null ? null : $"'{bad}' is not a SHA-256 host key fingerprint (SHA256: and 43 base64 characters, as ssh-keygen -lf prints it)";
    }

    private static string[] Split(string text) => text.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^SHA256:[A-Za-z0-9+/]{43}=?$")]
    private static partial Regex Fingerprint();
}
