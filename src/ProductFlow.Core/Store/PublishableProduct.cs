using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A product that channels may publish (current, enabled, not removed), with the channels its rules ran for and the channels an error keeps it off.</summary>
/// <remarks>
/// <see cref="Blocked"/> and <see cref="Checked"/> are the stored <c>blocked</c> and <c>checked</c> columns as they are (<c>|web|partner|</c>,
/// empty for none): nothing is parsed per product. A channel publishes a product only when a run checked it for that channel
/// (its pipeline feeds the channel) and no error keeps it off: a channel never receives a record its rules never saw.
/// </remarks>
public sealed record PublishableProduct(ProductRecord Record, string Blocked, string Checked)
{
    /// <summary>The <c>checked</c> column of a product stored before channels were recorded: checked for every channel, as it was published then.</summary>
    public const string EveryChannel = "|*|";

    /// <summary>Whether an error keeps the product off <paramref name="channel"/>.</summary>
    public bool IsBlockedOn(string channel) => Blocked.Length > 0 && StoredProduct.Holds(Blocked, channel);

    /// <summary>Whether a run checked the product for <paramref name="channel"/>.</summary>
    public bool IsCheckedFor(string channel) =>
        Checked.Length > 0 && (StoredProduct.Holds(Checked, channel) || string.Equals(Checked, EveryChannel, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="channel"/> publishes the product: checked for it, and not blocked on it.</summary>
    public bool IsPublishableOn(string channel) => IsCheckedFor(channel) && !IsBlockedOn(channel);
}
