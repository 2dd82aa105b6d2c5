using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>gtin.check-digit</c>: GTIN attributes hold valid GTIN-8/12/13/14 codes, stored as digits only.</summary>
internal sealed class GtinRule(IReadOnlyList<string> attributes) : IRule
{
    private readonly SlotTable<bool> _checked = new(slot => attributes.Contains(slot.Attribute));

    public void Apply(MappedRecord record, RuleContext context)
    {
        var values = record.Record.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values.Cells[i];
            if (!_checked[value.Slot])
            {
                continue;
            }

            var problem = Gtin.Check(value.Data, out var normalized);
            if (problem == GtinProblem.None)
            {
                if (!string.Equals(normalized, value.Data, StringComparison.Ordinal))
                {
                    values.Set(i, value.WithData(normalized));
                }

                continue;
            }

            context.Report(record, RuleIds.GtinCheckDigit, Severity.Error, Describe(problem, value.Data), value: value.ToValue());
        }
    }

    private static string Describe(GtinProblem problem, string data) => problem switch
    {
        GtinProblem.NotDigits => $"GTIN '{Quoted.Text(data)}' contains characters other than digits",
        GtinProblem.WrongLength => $"GTIN '{Quoted.Text(data)}' does not have 8, 12, 13 or 14 digits",
        GtinProblem.AllZeros => $"GTIN '{Quoted.Text(data)}' is all zeros",
        _ => $"GTIN '{Quoted.Text(data)}' has a wrong check digit (expected {Gtin.CheckDigit(data.Where(char.IsAsciiDigit).SkipLast(1).ToArray())})",
    };
}
