using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using ProductFlow.Access;
using ProductFlow.Catalog;
using ProductFlow.Cli.Output;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary><c>partner add|grant|revoke-channel|rotate-key|disable|list|activity</c>: the partners who pull channel exports, and their keys.</summary>
/// <remarks>
/// A key is shown once, as the last line of stdout, when it is made (<c>add</c>, <c>rotate-key</c>); the store keeps only its id
/// and the SHA-256 of its secret (<see cref="ApiKeys"/>). Nothing prints a key again.
/// </remarks>
internal static partial class PartnerCommands
{
    private static readonly Argument<string> Name = new("name") { Description = "The partner's name: letters, digits, '_' or '-', as it appears in its URLs.", CustomParser = ParseName };

    private static readonly Option<string[]> Channels = new("--channel", "-c")
    {
        Description = "A channel of the catalog the partner may pull (repeat for several).",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<TimeSpan> Grace = new("--grace")
    {
        Description = "How long the old key keeps working, such as 30m, 24h or 7d (default: it stops at once).",
        CustomParser = ParseDuration,
    };

    public static Command Partner()
    {
        var add = new Command("add", "Add a partner with the channels it may pull, and print its new key as the last line (shown once).")
        {
            Name, Channels, PublishOptions.Catalog,
        }.WithExamples("productflow partner add acme --channel partner", "productflow partner add acme --channel partner --channel google --store postgresql://productflow@db.internal/productflow");
        add.WithStoreLocation().SetAction(AddAsync);
        var grant = new Command("grant", "Let a partner pull more channels.") { Name, Channels, PublishOptions.Catalog }.WithExamples("productflow partner grant acme --channel web");
        grant.WithStoreLocation().SetAction((result, ct) => ChangeGrantsAsync(result, add: true, ct));
        var revoke = new Command("revoke-channel", "Stop a partner pulling channels.") { Name, Channels }.WithExamples("productflow partner revoke-channel acme --channel web");
        revoke.WithStoreLocation().SetAction((result, ct) => ChangeGrantsAsync(result, add: false, ct));
        var rotate = new Command("rotate-key", "Give a partner a new key (printed as the last line, shown once); its other keys stop at once, or after --grace.") { Name, Grace }
            .WithExamples("productflow partner rotate-key acme", "productflow partner rotate-key acme --grace 24h");
        rotate.WithStoreLocation().SetAction(RotateAsync);
        var disable = new Command("disable", "Refuse every key of a partner; its history stays.") { Name }.WithExamples("productflow partner disable acme");
        disable.WithStoreLocation().SetAction(DisableAsync);
        var list = new Command("list", "List the partners: channels, enabled or disabled, since when. Never keys.").WithExamples("productflow partner list", "productflow partner list --json");
        list.WithStoreOptions().SetAction(ListAsync);
        var activity = new Command("activity", "What a partner fetched, newest first: when, what, which version, the status and bytes sent.") { Name }
            .WithExamples("productflow partner activity acme", "productflow partner activity acme --json");
        activity.WithStoreOptions().SetAction(ActivityAsync);
        return new Command("partner", "Manage the partners who pull channel exports, and their keys.") { add, grant, revoke, rotate, disable, list, activity };
    }

    private static async Task<int> AddAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(Name);
        var channels = KnownChannels(result);
        var now = DateTimeOffset.UtcNow;
        var (key, stored) = ApiKeys.Create(PrincipalKind.Partner, name, now);
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            if (await store.FindPrincipalAsync(PrincipalKind.Partner, name, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new ProductFlowException($"partner {name} exists") { Hint = $"'productflow partner grant {name} --channel <c>' adds channels, 'productflow partner rotate-key {name}' gives it a new key" };
            }

            await store.SavePrincipalAsync(new Principal(PrincipalKind.Partner, name) { Grants = channels, Created = now }, cancellationToken).ConfigureAwait(false);
            await store.AddKeyAsync(stored, cancellationToken).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync($"partner {name} added: channels {string.Join(", ", channels)}").ConfigureAwait(false);
        await WriteKeyAsync(key).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private static async Task<int> ChangeGrantsAsync(ParseResult result, bool add, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(Name);
        var channels = add ? KnownChannels(result) : result.GetRequiredValue(Channels).Distinct(StringComparer.Ordinal).ToList();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var partner = await FindAsync(store, name, cancellationToken).ConfigureAwait(false);
            var grants = add ? partner.Grants.Union(channels, StringComparer.Ordinal).ToList() : partner.Grants.Except(channels, StringComparer.Ordinal).ToList();
            await store.SavePrincipalAsync(partner with { Grants = grants }, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"partner {name}: channels {(grants.Count == 0 ? "none" : string.Join(", ", grants))}").ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }

    private static async Task<int> RotateAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(Name);
        var now = DateTimeOffset.UtcNow;
        var stopAt = now + result.GetValue(Grace);
        var (key, stored) = ApiKeys.Create(PrincipalKind.Partner, name, now);
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var partner = await FindAsync(store, name, cancellationToken).ConfigureAwait(false);
            await store.AddKeyAsync(stored, cancellationToken).ConfigureAwait(false);
            await store.ExpireKeysAsync(PrincipalKind.Partner, name, stopAt, keep: stored.Id, cancellationToken).ConfigureAwait(false);
            var old = stopAt == now ? "its other keys stop now" : $"its other keys stop at {Time(stopAt)}";
            await Console.Out.WriteLineAsync($"partner {name}: new key; {old}{(partner.Disabled ? " (the partner is disabled: every key is refused)" : "")}").ConfigureAwait(false);
        }

        await WriteKeyAsync(key).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private static async Task<int> DisableAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(Name);
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var partner = await FindAsync(store, name, cancellationToken).ConfigureAwait(false);
            await store.SavePrincipalAsync(partner with { Disabled = true }, cancellationToken).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync($"partner {name} disabled: its keys are refused").ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    /// <summary>The key, alone on the last line of stdout, and on stderr why it must be kept now.</summary>
    private static async Task WriteKeyAsync(string key)
    {
        await Console.Error.WriteLineAsync("the key below is shown once and stored only as a hash: give it to the partner now").ConfigureAwait(false);
        await Console.Out.WriteLineAsync(key).ConfigureAwait(false);
    }

    private static async Task<Principal> FindAsync(IProductStore store, string name, CancellationToken cancellationToken) =>
        await store.FindPrincipalAsync(PrincipalKind.Partner, name, cancellationToken).ConfigureAwait(false)
        ?? throw new ProductFlowException($"there is no partner {name}") { Hint = "'productflow partner list' shows the partners" };

    /// <summary>The channels given, each checked against the catalog: a grant of a channel that does not exist would fail silently.</summary>
    private static List<string> KnownChannels(ParseResult result)
    {
        var catalog = CatalogLoader.Load(PublishOptions.CatalogPath(result));
        var channels = result.GetRequiredValue(Channels).Distinct(StringComparer.Ordinal).ToList();
        foreach (var channel in channels)
        {
            if (catalog.FindChannel(channel) is null)
            {
                throw new ProductFlowException($"the catalog has no channel '{channel}'") { Hint = $"its channels: {string.Join(", ", catalog.Channels.Select(c => c.Code))}" };
            }
        }

        return channels;
    }

    private static string? ParseName(ArgumentResult result)
    {
        var name = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (!PrincipalNames.IsValid(name))
        {
            result.AddError($"'{name}' is not a partner name: use letters, digits, '_' or '-' (at most 64, starting with a letter or digit)");
        }

        return name;
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        var match = DurationPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            result.AddError($"--grace must be a duration such as 30m, 24h or 7d, not '{text}'");
            return TimeSpan.Zero;
        }

        return match.Groups[2].ValueSpan[0] switch
        {
            's' => TimeSpan.FromSeconds(count),
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            _ => TimeSpan.FromDays(count),
        };
    }

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^([0-9]{1,6})([smhd])$")]
    private static partial Regex DurationPattern();
}
