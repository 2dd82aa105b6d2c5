using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>required</c>: the pipeline's required attributes have a non-blank value; a localizable one in every locale the pipeline's channels publish.</summary>
internal sealed class RequiredRule(IReadOnlyList<string> attributes, ProductCatalog catalog, IReadOnlyList<string> locales) : IRule
{
    public void Apply(MappedRecord record, RuleContext context)
    {
        foreach (var code in attributes)
        {
            var localizable = catalog.FindAttribute(code)?.Localizable == true && locales.Count > 0;
            if (!localizable)
            {
                if (!Has(record.Record, code, null))
                {
                    context.Report(record, RuleIds.Required, Severity.Error, $"required attribute '{code}' is missing", field: code);
                }

                continue;
            }

            foreach (var locale in locales.Where(locale => !Has(record.Record, code, locale)))
            {
                context.Report(record, RuleIds.Required, Severity.Error, $"required attribute '{code}' is missing for locale {locale}", field: code, locale: locale);
            }
        }
    }

    private static bool Has(ProductRecord record, string attribute, string? locale)
    {
        foreach (var value in record.Values)
        {
            if (string.Equals(value.Attribute, attribute, StringComparison.Ordinal)
                && (locale is null || value.Locale is null || string.Equals(value.Locale, locale, StringComparison.Ordinal))
                && !string.IsNullOrWhiteSpace(value.Data))
            {
                return true;
            }
        }

        return false;
    }
}
