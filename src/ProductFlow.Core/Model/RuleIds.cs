
namespace ProductFlow.Model;

/// <summary>The stable, documented ids of ProductFlow's rules (docs/rules.md, "Rule ids").</summary>
public static class RuleIds
{
    public const string Required = "required";
    public const string GtinCheckDigit = "gtin.check-digit";
    public const string SkuUnique = "sku.unique";
    public const string OptionUnknown = "option.unknown";
    public const string NumberFormat = "number.format";
    public const string BooleanFormat = "boolean.format";
    public const string DateFormat = "date.format";
    public const string UrlFormat = "url.format";
    public const string MediaFormat = "media.format";
    public const string MediaUnresolved = "media.unresolved";
    public const string ChannelSchema = "schema";
    public const string CsvMalformed = "csv.malformed";
    public const string CsvFieldCount = "csv.field-count";
    public const string SkuMissing = "sku.missing";
    public const string MappingTimeout = "mapping.timeout";
    public const string AttributeNotInFamily = "attribute.not-in-family";
    public const string ValueUnique = "value.unique";
    public const string Pattern = "pattern";
    public const string Length = "length";
    public const string NumberRange = "number.range";
    public const string DateRange = "date.range";
    public const string Expression = "expression";
    public const string Completeness = "completeness";
    public const string UnitUnknown = "unit.unknown";
    public const string UnitConvert = "unit";
    public const string TemplateMissingValue = "template.missing-value";
    public const string VariantAxisMissing = "variant.axis-missing";
    public const string VariantAxisDuplicate = "variant.axis-duplicate";
    public const string VariantModelValue = "variant.model-value";
    public const string VariantUngrouped = "variant.ungrouped";
    public const string VariantOrphan = "variant.orphan";
    public const string ModelFamilyVariant = "model.family-variant";
    public const string CategoryUnmapped = "category.unmapped";
    public const string SkuCase = "sku.case";
    public const string EncodingSuspect = "encoding.suspect";
    public const string MetricUnit = "metric.unit";
    public const string AkeneoColumn = "akeneo.column";
    public const string AssociationQuantity = "association.quantity";
    public const string JsonMalformed = "json.malformed";
    public const string JsonNotObject = "json.not-object";
    public const string FormulaLike = "value.formula-like";
    public const string GoogleTitleLength = "google.title-length";
    public const string GoogleDescriptionLength = "google.description-length";
    public const string GoogleRequired = "google.required";
}
