namespace ProductFlow.Model;

/// <summary>How complete one product is for one channel and its locale: required attributes present / required.</summary>
/// <remarks>Required attributes are those the product's family requires for the channel; present means a non-blank value in the channel view.</remarks>
public sealed record CompletenessScore(string Channel, string Locale, int Present, int Required)
{
    /// <summary>The share of required attributes present, 0 to 1 (1 when nothing is required).</summary>
    public double Ratio => Required == 0 ? 1 : (double)Present / Required;
}
