using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;
using ProductFlow.Primitives.Units;

namespace ProductFlow.Rules;

/// <summary>Checks every value against its attribute's type and stores it in canonical form.</summary>
/// <remarks>
/// Rules <c>number.format</c>, <c>unit.unknown</c> (a metric's unit is not of its family; known units are
/// converted to the attribute's unit, lineage <c>unit</c>), <c>boolean.format</c>, <c>date.format</c> (ISO <c>yyyy-MM-dd</c>),
/// <c>url.format</c> (absolute http/https), <c>media.format</c> (a path without <c>..</c> or control characters, or an http(s) URL) and <c>option.unknown</c>. Options match case-insensitively and are
/// stored by their code (<c>Black</c> -> <c>black</c>).
/// </remarks>
internal sealed class AttributeTypeRule : IRule
{
    private readonly ProductCatalog _catalog;
    private readonly ValueCultures _cultures;
    private readonly Dictionary<string, Dictionary<string, string>> _options = new(StringComparer.Ordinal);

    // The last valid number or URL read for each slot, by the slot's id, with its canonical text (the rule sees one record at a time):
    // the rows of a model repeat its price and often its image, and a value read again is neither parsed (a URL's Uri, a number's
    // decimal) nor written again. Entries are written in place: a feed's stock differs row by row.
    private LastValid[] _lastValid = [];

    public AttributeTypeRule(ProductCatalog catalog, ValueCultures? cultures = null)
    {
        _catalog = catalog;
        _cultures = cultures ?? ValueCultures.Invariant;
        foreach (var attribute in catalog.Attributes.Where(a => a.Options.Count > 0))
        {
            // Codes first, then labels: a feed may send either (Svart -> black); a code wins over a label that spells it.
            var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var option in attribute.Options)
            {
                codes.TryAdd(option.Code, option.Code);
            }

            foreach (var option in attribute.Options)
            {
                foreach (var label in option.Labels.Values)
                {
                    codes.TryAdd(label.Trim(), option.Code);
                }
            }

            _options[attribute.Code] = codes;
        }
    }

    /// <remarks>
    /// A value that is not of its type is never stored as that type: when its issue is a warning (a rule lowered by the
    /// pipeline) the record goes on without the value, never with the raw text as a number, date or option. When it is an
    /// error the record is rejected anyway, and the value stays on it so that later rules do not report it missing too.
    /// </remarks>
    public void Apply(MappedRecord record, RuleContext context)
    {
        var values = record.Record.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values.Cells[i];
            if (value.Data.Length == 0 || _catalog.FindAttribute(value.Slot) is not { } attribute)
            {
                continue;
            }

            if (attribute.Type == AttributeType.Metric)
            {
                if (!Metric(attribute, values, i, record, context) && !IsRejectedBy(record))
                {
                    values.RemoveAt(i--);
                }

                continue;
            }

            var canonical = Canonicalize(attribute, value, record, context);
            if (canonical is null)
            {
                if (!IsRejectedBy(record))
                {
                    values.RemoveAt(i--);
                }
            }
            else if (!string.Equals(canonical, value.Data, StringComparison.Ordinal))
            {
                values.Set(i, value.WithData(canonical));
            }
        }
    }

    /// <summary>Whether the issue just reported (the last one) rejects the record.</summary>
    private static bool IsRejectedBy(MappedRecord record) => record.Issues[^1] is { Severity: Severity.Error, Channel: null };

    /// <summary>The canonical text of a valid value, or <c>null</c> after reporting an invalid one.</summary>
    private string? Canonicalize(AttributeDefinition attribute, in ValueCell value, MappedRecord record, RuleContext context)
    {
        switch (attribute.Type)
        {
            case AttributeType.Number or AttributeType.Price:
                return Number(value, record, context);
            case AttributeType.Boolean:
                if (BooleanText.TryParse(value.Data, out var flag))
                {
                    return flag ? "true" : "false";
                }

                context.Report(record, RuleIds.BooleanFormat, Severity.Error, $"'{Quoted.Text(value.Data)}' is not a boolean (true/false, 1/0, yes/no)", value: value.ToValue());
                return null;
            case AttributeType.Date:
                if (DateOnly.TryParseExact(value.Data.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                context.Report(record, RuleIds.DateFormat, Severity.Error, $"'{Quoted.Text(value.Data)}' is not a date in the form yyyy-MM-dd", value: value.ToValue());
                return null;
            case AttributeType.Url:
                if (TryLastValid(value, null, out var known))
                {
                    return known;
                }

                var url = value.Data.Trim();
                if (IsHttpUrl(url))
                {
                    return Remember(value, null, url);
                }

                context.Report(record, RuleIds.UrlFormat, Severity.Error, $"'{Quoted.Text(value.Data)}' is not an absolute http(s) URL", value: value.ToValue());
                return null;
            case AttributeType.Media:
                if (MediaProblem(value.Data.Trim()) is not { } problem)
                {
                    return value.Data.Trim();
                }

                context.Report(record, RuleIds.MediaFormat, Severity.Error, $"'{Quoted.Text(value.Data)}' is not a media path or URL: {problem}", value: value.ToValue());
                return null;
            case AttributeType.Select:
                return Option(attribute, value.Data.Trim(), value, record, context);
            case AttributeType.MultiSelect:
                return Options(attribute, value, record, context);
            default:
                return value.Data;
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    // Its own method: a lambda in Canonicalize would cost a closure on every call, whatever the attribute's type.
    private string? Options(AttributeDefinition attribute, ValueCell value, MappedRecord record, RuleContext context)
    {
        var codes = value.Data.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(code => Option(attribute, code, value, record, context))
            .ToList();
        return codes.Contains(null) ? null : string.Join(',', codes);
    }

    /// <summary>Why <paramref name="data"/> is no media path or URL, or <c>null</c> when it is one: a relative path without <c>..</c>
    /// segments or control characters, or an absolute http(s) URL (another scheme, such as <c>file:</c> or <c>javascript:</c>, is refused).</summary>
    private static string? MediaProblem(string data)
    {
        if (data.Any(char.IsControl))
        {
            return "it holds a control character";
        }

        var colon = data.IndexOf(':', StringComparison.Ordinal);
        var slash = data.IndexOf('/', StringComparison.Ordinal);
        if (colon >= 0 && (slash < 0 || colon < slash))
        {
            return MediaUrl.IsAbsolute(data) ? null : "a URL must be absolute http or https";
        }

        var path = data.Split('?', '#')[0];
        return path.Split('/', '\\').Any(segment => segment == "..") ? "a path must not climb out of its folder ('..')" : null;
    }

    /// <summary>
    /// Puts the metric at <paramref name="index"/> in the attribute's unit: parsed, its unit checked against the unit family, converted
    /// when it differs; false, after reporting, when it is no number or no unit of the family.
    /// </summary>
    private bool Metric(AttributeDefinition attribute, ProductValues values, int index, MappedRecord record, RuleContext context)
    {
        var value = values.Cells[index];
        if (!TryParseNumber(value, record, context, out var number))
        {
            return false;
        }

        var target = UnitTable.Find(attribute.MetricFamily!, attribute.Unit!)!;
        var unitName = value.Unit ?? attribute.Unit!;
        if (UnitTable.Find(attribute.MetricFamily!, unitName) is not { } unit)
        {
            context.Report(record, RuleIds.UnitUnknown, Severity.Error, $"'{Quoted.Text(unitName)}' is not a unit of {attribute.MetricFamily} (units: {string.Join(", ", UnitTable.Symbols(attribute.MetricFamily!))})", value: value.ToValue());
            return false;
        }

        if (unit == target)
        {
            // Already canonical in the attribute's unit (most values): the value itself, not a copy.
            var data = CanonicalNumber.Format(number, value.Data);
            if (!ReferenceEquals(data, value.Data) || !string.Equals(value.Unit, target.Symbol, StringComparison.Ordinal))
            {
                values.Set(index, value.WithData(data).WithUnit(target.Symbol));
            }

            return true;
        }

        var converted = CanonicalNumber.Format(UnitTable.Convert(number, unit, target));
        values.Set(index, value.ConvertedBy(RuleIds.UnitConvert, converted, target.Symbol));
        return true;
    }

    /// <summary>Parses a number in the format its mapping or source declares (invariant by default), reporting <c>number.format</c> when it is not one.</summary>
    /// <summary>The canonical text of a number, or <c>null</c> after reporting text that is none; the same text as the slot's last number in the same culture is that number's.</summary>
    private string? Number(in ValueCell value, MappedRecord record, RuleContext context)
    {
        var culture = _cultures.For(value);
        if (TryLastValid(value, culture, out var known))
        {
            return known;
        }

        return TryParseNumber(value, culture, record, context, out var number) ? Remember(value, culture, CanonicalNumber.Format(number, value.Data)) : null;
    }

    /// <summary>The canonical text of the slot's last valid value when <paramref name="value"/> has the same text in the same culture.</summary>
    private bool TryLastValid(in ValueCell value, NumberCulture? culture, [NotNullWhen(true)] out string? canonical)
    {
        var id = value.Slot.Id;
        var hit = id < _lastValid.Length && ReferenceEquals(_lastValid[id].Culture, culture) && string.Equals(_lastValid[id].Text, value.Data, StringComparison.Ordinal);
        canonical = hit ? _lastValid[id].Canonical : null;
        return hit;
    }

    /// <summary>Keeps <paramref name="canonical"/> as the slot's last valid value (a slot that is not shared keeps none) and returns it.</summary>
    private string Remember(in ValueCell value, NumberCulture? culture, string canonical)
    {
        var id = value.Slot.Id;
        if (id > 0)
        {
            if (id >= _lastValid.Length)
            {
                Array.Resize(ref _lastValid, (int)BitOperations.RoundUpToPowerOf2((uint)id + 1));
            }

            _lastValid[id] = new LastValid(value.Data, culture, canonical);
        }

        return canonical;
    }

    private bool TryParseNumber(in ValueCell value, MappedRecord record, RuleContext context, out decimal number) =>
        TryParseNumber(value, _cultures.For(value), record, context, out number);

    private static bool TryParseNumber(in ValueCell value, NumberCulture? culture, MappedRecord record, RuleContext context, out decimal number)
    {
        if (culture is null ? CanonicalNumber.TryParse(value.Data, out number) : culture.TryParse(value.Data, out number))
        {
            return true;
        }

        var expected = culture is null ? "use a dot as decimal separator, no thousands separator" : $"numbers in {culture.Describe()}";
        context.Report(record, RuleIds.NumberFormat, Severity.Error, $"'{Quoted.Text(value.Data)}' is not a number ({expected})", value: value.ToValue());
        return false;
    }

    private string? Option(AttributeDefinition attribute, string text, in ValueCell value, MappedRecord record, RuleContext context)
    {
        if (_options[attribute.Code].TryGetValue(text, out var code))
        {
            return code;
        }

        context.Report(record, RuleIds.OptionUnknown, Severity.Error, $"'{Quoted.Text(text)}' is not an option of '{attribute.Code}' (options: {string.Join(", ", attribute.Options)})", value: value.ToValue());
        return null;
    }

    private readonly record struct LastValid(string? Text, NumberCulture? Culture, string Canonical);
}
