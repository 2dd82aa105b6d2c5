using ProductFlow.Catalog;
using ProductFlow.Csv;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Rules;

namespace ProductFlow.Channels;

/// <summary>Rule <c>value.formula-like</c>: a warning when a text value a machine-read channel writes unchanged starts like a spreadsheet formula.</summary>
/// <remarks>
/// <c>shopify-csv</c> and <c>google-merchant</c> files are read by machines, so their values are not guarded (human-facing partner
/// CSVs prefix a <c>'</c>); someone who opens one in a spreadsheet would still run it. The rule checks the SKU and the
/// catalog fields behind the kind's text columns (<see cref="ChannelKind.UnguardedTextFields"/>), with <see cref="FormulaGuard.IsFormulaLike"/>.
/// </remarks>
internal sealed class FormulaLikeRule : IRule
{
    private readonly ChannelView _view;
    private readonly string[] _fields; // an array: foreach over it allocates no enumerator on every record

    private FormulaLikeRule(ChannelView view, IEnumerable<string> fields)
    {
        _view = view;
        _fields = fields.Prepend("sku").Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The rule for <paramref name="channel"/>, or <c>null</c> when its kind guards its values or is not machine-read.</summary>
    public static FormulaLikeRule? For(ChannelDefinition channel, ChannelViews views)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(views);
        return ChannelWriters.All.TryGetValue(channel.Kind, out var kind) && kind.UnguardedTextFields is { } fields
            ? new FormulaLikeRule(views.For(channel), fields(channel).OfType<string>())
            : null;
    }

    public void Apply(MappedRecord record, RuleContext context)
    {
        foreach (var field in _fields)
        {
            if (MayStartLikeFormula(record.Record, field) && _view.Text(record.Record, field) is { } text && FormulaGuard.IsFormulaLike(text))
            {
                context.Report(
                    record, RuleIds.FormulaLike, Severity.Warning,
                    $"channel '{_view.Channel.Code}': '{field}' starts like a spreadsheet formula and is written unchanged",
                    field: field, value: _view.Resolve(record.Record, field), channel: _view.Channel.Code);
            }
        }
    }

    /// <summary>False when the field's text cannot start like a formula, told without joining it: the categories and groups are
    /// joined with <c>,</c>, so their text starts with the first code's first character (the separator when that code is empty).</summary>
    private static bool MayStartLikeFormula(ProductRecord record, string field) => field switch
    {
        "categories" => FirstMayTrigger(record.Categories),
        "groups" => FirstMayTrigger(record.Groups),
        _ => true,
    };

    private static bool FirstMayTrigger(IReadOnlyList<string> codes) =>
        codes.Count > 0 && FormulaGuard.IsTrigger(codes[0].Length > 0 ? codes[0][0] : ',');
}
