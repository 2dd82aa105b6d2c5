using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Quarantine;

/// <summary>A quarantined row to fix in the browser: its entry, the feed and delimiter it was read with, its columns and values in the feed's
/// order, and the errors that rejected it.</summary>
public sealed record QuarantineFixModel(
    string Pipeline, QuarantineEntry Entry, string? Feed, char Delimiter, IReadOnlyList<KeyValuePair<string, string>> Columns, IReadOnlyList<Issue> Errors)
{
    /// <summary>The errors about the column <paramref name="column"/>.</summary>
    public IEnumerable<Issue> ErrorsOf(string column) => Errors.Where(e => string.Equals(e.Column, column, StringComparison.Ordinal));

    /// <summary>The errors no column of the row is named by (a rule about the whole record).</summary>
    public IEnumerable<Issue> RecordErrors => Errors.Where(e => e.Column is null || !Columns.Any(c => c.Key == e.Column));

    /// <summary>The row's columns, those the errors name first, each with its position in the row.</summary>
    public IEnumerable<(int Index, string Name, string Value, bool Wrong)> Fields =>
        Columns.Select((c, i) => (Index: i, Name: c.Key, c.Value, Wrong: ErrorsOf(c.Key).Any())).OrderBy(f => f.Wrong ? 0 : 1).ThenBy(f => f.Index);
}
