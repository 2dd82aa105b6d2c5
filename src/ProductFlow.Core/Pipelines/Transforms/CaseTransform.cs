using System.Globalization;

namespace ProductFlow.Pipelines.Transforms;

/// <summary><c>upper</c>, <c>lower</c> and <c>title</c>: the case of the text in a culture (the column's or the source's; invariant when neither declares one).</summary>
/// <remarks>A culture matters where letters case differently: <c>istanbul</c> is <c>ISTANBUL</c> invariantly and <c>İSTANBUL</c> in <c>tr-TR</c>.
/// <c>title</c> lowers the text first, so words written in capitals become title case too (<c>SKJØRT ØSTFOLD</c> -> <c>Skjørt Østfold</c>).</remarks>
internal sealed class CaseTransform(string rule, string kind, CultureInfo culture) : ITransform
{
    private readonly TextInfo _text = culture.TextInfo;

    public string Rule { get; } = rule;

    public string Apply(string text) => kind switch
    {
        "upper" => _text.ToUpper(text),
        "lower" => _text.ToLower(text),
        _ => _text.ToTitleCase(_text.ToLower(text)),
    };
}
