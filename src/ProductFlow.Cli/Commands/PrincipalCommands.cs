using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using ProductFlow.Access;
using ProductFlow.Cli.Output;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary>The commands that manage one kind of principal (partners, suppliers) and their keys: <c>add</c>, <c>grant</c>, <c>revoke-&lt;grant&gt;</c>,
/// <c>rotate-key</c>, <c>disable</c> (or <c>revoke</c>), <c>list</c>, <c>activity</c>, made once from a <see cref="PrincipalSpec"/>.</summary>
/// <remarks>
/// A key is shown once, as the last line of stdout, when it is made (<c>add</c>, <c>rotate-key</c>); the store keeps only its id
/// and the SHA-256 of its secret (<see cref="ApiKeys"/>). Nothing prints a key again.
/// </remarks>
internal sealed partial class PrincipalCommands
{
    private static readonly Option<TimeSpan> Grace = new("--grace")
    {
        Description = "How long the old key keeps working, such as 30m, 24h or 7d (default: it stops at once).",
        CustomParser = ParseDuration,
    };

    private readonly PrincipalSpec _spec;
    private readonly Argument<string> _name;
    private readonly Option<string[]> _grants;

    private PrincipalCommands(PrincipalSpec spec)
    {
        _spec = spec;
        _name = new("name") { Description = $"The {spec.Noun}'s name: letters, digits, '_' or '-'.", CustomParser = ParseName };
        _grants = new("--" + spec.Grant, spec.GrantAlias)
        {
            Description = $"A {spec.Grant} the {spec.Noun} may {spec.Verb} (repeat for several).",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
    }

    public static Command Create(PrincipalSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new PrincipalCommands(spec).Build();
    }

    private Command Build()
    {
        var (noun, grant) = (_spec.Noun, _spec.Grant);
        var add = new Command("add", $"Add a {noun} with the {grant}s it may {_spec.Verb}, and print its new key as the last line (shown once).") { _name, _grants, _spec.Source }
            .WithExamples([.. _spec.AddExamples]);
        add.WithStoreLocation().SetAction(AddAsync);
        var more = new Command("grant", $"Let a {noun} {_spec.Verb} more {grant}s.") { _name, _grants, _spec.Source }.WithExamples($"productflow {noun} grant {_spec.Example} --{grant} {_spec.ExampleGrant}");
        more.WithStoreLocation().SetAction((result, ct) => ChangeGrantsAsync(result, add: true, ct));
        var less = new Command("revoke-" + grant, $"Stop a {noun} {Gerund(_spec.Verb)} {grant}s.") { _name, _grants }.WithExamples($"productflow {noun} revoke-{grant} {_spec.Example} --{grant} {_spec.ExampleGrant}");
        less.WithStoreLocation().SetAction((result, ct) => ChangeGrantsAsync(result, add: false, ct));
        var rotate = new Command("rotate-key", $"Give a {noun} a new key (printed as the last line, shown once); its other keys stop at once, or after --grace.") { _name, Grace }
            .WithExamples($"productflow {noun} rotate-key {_spec.Example}", $"productflow {noun} rotate-key {_spec.Example} --grace 24h");
        rotate.WithStoreLocation().SetAction(RotateAsync);
        var disable = new Command(_spec.DisableVerb, $"Refuse every key of a {noun}; its history stays.") { _name }.WithExamples($"productflow {noun} {_spec.DisableVerb} {_spec.Example}");
        disable.WithStoreLocation().SetAction(DisableAsync);
        var list = new Command("list", $"List the {noun}s: {grant}s, enabled or disabled, since when. Never keys.").WithExamples($"productflow {noun} list", $"productflow {noun} list --json");
        list.WithStoreOptions().SetAction(ListAsync);
        var activity = new Command("activity", $"What a {noun} did, newest first: when, what, which {grant} and version, the status and bytes.") { _name }
            .WithExamples($"productflow {noun} activity {_spec.Example}", $"productflow {noun} activity {_spec.Example} --json");
        activity.WithStoreOptions().SetAction(ActivityAsync);
        return new Command(noun, _spec.Description) { add, more, less, rotate, disable, list, activity };
    }

    private static string Gerund(string verb) => verb.EndsWith('e') ? verb[..^1] + "ing" : verb + "ing";
    private async Task<int> AddAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var channels = KnownGrants(result);
        var now = DateTimeOffset.UtcNow;
        var (key, stored) = ApiKeys.Create(_spec.Kind, name, now);
        var store = await StoreCommand.OpenOrCreateAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            if (await store.FindPrincipalAsync(_spec.Kind, name, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new ProductFlowException($"{_spec.Noun} {name} exists") { Hint = $"'productflow {_spec.Noun} grant {name} --{_spec.Grant} <{_spec.Grant}>' grants more, 'productflow {_spec.Noun} rotate-key {name}' gives it a new key" };
            }

            await store.SavePrincipalAsync(new Principal(_spec.Kind, name) { Grants = channels, Created = now }, cancellationToken).ConfigureAwait(false);
            await store.AddKeyAsync(stored, cancellationToken).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync($"{_spec.Noun} {name} added: {_spec.Grant}s {string.Join(", ", channels)}").ConfigureAwait(false);
        await WriteKeyAsync(key).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private async Task<int> ChangeGrantsAsync(ParseResult result, bool add, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var channels = add ? KnownGrants(result) : result.GetRequiredValue(_grants).Distinct(StringComparer.Ordinal).ToList();
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var partner = await FindAsync(store, name, cancellationToken).ConfigureAwait(false);
            var grants = add ? partner.Grants.Union(channels, StringComparer.Ordinal).ToList() : partner.Grants.Except(channels, StringComparer.Ordinal).ToList();
            await store.SavePrincipalAsync(partner with { Grants = grants }, cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{_spec.Noun} {name}: {_spec.Grant}s {(grants.Count == 0 ? "none" : string.Join(", ", grants))}").ConfigureAwait(false);
        }

        return ExitCodes.Completed;
    }

    private async Task<int> RotateAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var now = DateTimeOffset.UtcNow;
        var stopAt = now + result.GetValue(Grace);
        var (key, stored) = ApiKeys.Create(_spec.Kind, name, now);
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var partner = await FindAsync(store, name, cancellationToken).ConfigureAwait(false);
            await store.AddKeyAsync(stored, cancellationToken).ConfigureAwait(false);
            await store.ExpireKeysAsync(_spec.Kind, name, stopAt, keep: stored.Id, cancellationToken).ConfigureAwait(false);
            var old = stopAt == now ? "its other keys stop now" : $"its other keys stop at {Time(stopAt)}";
            await Console.Out.WriteLineAsync($"{_spec.Noun} {name}: new key; {old}{(partner.Disabled ? $" (the {_spec.Noun} is disabled: every key is refused)" : "")}").ConfigureAwait(false);
        }

        await WriteKeyAsync(key).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private async Task<int> DisableAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var partner = await FindAsync(store, name, cancellationToken).ConfigureAwait(false);
            await store.SavePrincipalAsync(partner with { Disabled = true }, cancellationToken).ConfigureAwait(false);
        }

        await Console.Out.WriteLineAsync($"{_spec.Noun} {name} disabled: its keys are refused").ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    /// <summary>The key, alone on the last line of stdout, and on stderr why it must be kept now.</summary>
    private async Task WriteKeyAsync(string key)
    {
        await Console.Error.WriteLineAsync($"the key below is shown once and stored only as a hash: give it to the {_spec.Noun} now").ConfigureAwait(false);
        await Console.Out.WriteLineAsync(key).ConfigureAwait(false);
    }

    private async Task<Principal> FindAsync(IProductStore store, string name, CancellationToken cancellationToken) =>
        await store.FindPrincipalAsync(_spec.Kind, name, cancellationToken).ConfigureAwait(false)
        ?? throw new ProductFlowException($"there is no partner {name}") { Hint = "'productflow partner list' shows the partners" };

    /// <summary>The channels given, each checked against the catalog: a grant of a channel that does not exist would fail silently.</summary>
    /// <summary>The grants given, each checked (a channel of the catalog, a pipeline of the folder): a grant of nothing would fail silently.</summary>
    private List<string> KnownGrants(ParseResult result)
    {
        var grants = result.GetRequiredValue(_grants).Distinct(StringComparer.Ordinal).ToList();
        var known = _spec.Known(result);
        foreach (var grant in grants.Where(g => !known.Contains(g, StringComparer.Ordinal)))
        {
            throw new ProductFlowException($"{_spec.Place} has no {_spec.Grant} '{grant}'") { Hint = $"its {_spec.Grant}s: {string.Join(", ", known)}" };
        }

        return grants;
    }

    private static string? ParseName(ArgumentResult result)
    {
        var name = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (!PrincipalNames.IsValid(name))
        {
            result.AddError($"'{name}' is not a name: use letters, digits, '_' or '-' (at most 64, starting with a letter or digit)");
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
