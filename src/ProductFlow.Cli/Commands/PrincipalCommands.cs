using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using ProductFlow.Access;
using ProductFlow.Cli.Output;

namespace ProductFlow.Cli.Commands;

/// <summary>The commands that manage one kind of principal (partners, suppliers, users) and their keys: <c>add</c>, <c>grant</c>,
/// <c>revoke-&lt;grant&gt;</c>, <c>set-role</c> (for a kind with roles), <c>rotate-key</c>, <c>disable</c> (or <c>revoke</c>), <c>list</c>,
/// <c>activity</c>, made once from a <see cref="PrincipalSpec"/> on <see cref="Principals"/>.</summary>
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
    private readonly Option<string[]> _addGrants;
    private readonly Option<string> _role;

    private PrincipalCommands(PrincipalSpec spec)
    {
        _spec = spec;
        _name = new("name") { Description = $"The {spec.Noun}'s name: letters, digits, '_' or '-'.", CustomParser = ParseName };
        _grants = GrantOption(spec, required: true);
        _addGrants = spec.GrantRequired ? _grants : GrantOption(spec, required: false);
        _role = new("--role") { Description = $"The {spec.Noun}'s role: {string.Join(" or ", spec.Roles)}.", Required = true };
        _role.AcceptOnlyFromAmong([.. spec.Roles]);
    }

    public static Command Create(PrincipalSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new PrincipalCommands(spec).Build();
    }

    private static Option<string[]> GrantOption(PrincipalSpec spec, bool required) => new("--" + spec.Grant, spec.GrantAlias)
    {
        Description = $"A {spec.Grant} the {spec.Noun} may {spec.Verb} (repeat for several).",
        Required = required,
        Arity = required ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private Command Build()
    {
        var (noun, grant) = (_spec.Noun, _spec.Grant);
        var add = new Command("add", $"Add a {noun} with the {grant}s it may {_spec.Verb}, and print its new key as the last line (shown once).") { _name, _addGrants, _spec.Source }
            .WithExamples([.. _spec.AddExamples]);
        if (_spec.Roles.Count > 0)
        {
            add.Options.Add(_role);
        }

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
        var group = new Command(noun, _spec.Description) { add, more, less };
        if (_spec.Roles.Count > 0)
        {
            var role = new Command("set-role", $"Give a {noun} another role: {string.Join(" or ", _spec.Roles)}.") { _name, _role }
                .WithExamples($"productflow {noun} set-role {_spec.Example} --role {_spec.Roles[^1]}");
            role.WithStoreLocation().SetAction(SetRoleAsync);
            group.Subcommands.Add(role);
        }

        foreach (var command in new[] { rotate, disable, list, activity })
        {
            group.Subcommands.Add(command);
        }

        return group;
    }

    private static string Gerund(string verb) => verb.EndsWith('e') ? verb[..^1] + "ing" : verb + "ing";

    private async Task<int> AddAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var grants = KnownGrants(result, _addGrants);
        var role = _spec.Roles.Count > 0 ? result.GetRequiredValue(_role) : null;
        PrincipalChange added;
        var store = await StoreCommand.OpenOrCreateAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            added = await Principals.AddAsync(store, new Principal(_spec.Kind, name) { Grants = grants, Role = role }, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        }

        if (added.Outcome == PrincipalOutcome.Exists)
        {
            throw new ProductFlowException($"{_spec.Noun} {name} exists")
            {
                Hint = $"'productflow {_spec.Noun} grant {name} --{_spec.Grant} <{_spec.Grant}>' grants more, 'productflow {_spec.Noun} rotate-key {name}' gives it a new key",
            };
        }

        var what = grants.Count == 0 ? $"no {_spec.Grant}s" : $"{_spec.Grant}s {string.Join(", ", grants)}";
        await Console.Out.WriteLineAsync($"{_spec.Noun} {name} added: {(role is null ? "" : $"role {role}, ")}{what}").ConfigureAwait(false);
        await WriteKeyAsync(added.Key!).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private async Task<int> ChangeGrantsAsync(ParseResult result, bool add, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var grants = add ? KnownGrants(result, _grants) : result.GetRequiredValue(_grants).Distinct(StringComparer.Ordinal).ToList();
        var changed = await ChangeAsync(
            result, (store, ct) => Principals.ChangeGrantsAsync(store, _spec.Kind, name, add ? grants : [], add ? [] : grants, ct), cancellationToken).ConfigureAwait(false);
        var now = changed.Principal!.Grants;
        await Console.Out.WriteLineAsync($"{_spec.Noun} {name}: {_spec.Grant}s {(now.Count == 0 ? "none" : string.Join(", ", now))}").ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private async Task<int> SetRoleAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var role = result.GetRequiredValue(_role);
        await ChangeAsync(result, (store, ct) => Principals.SetRoleAsync(store, _spec.Kind, name, role, ct), cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"{_spec.Noun} {name}: role {role}").ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private async Task<int> RotateAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        var now = DateTimeOffset.UtcNow;
        var grace = result.GetValue(Grace);
        var rotated = await ChangeAsync(result, (store, ct) => Principals.RotateKeyAsync(store, _spec.Kind, name, now, grace, ct), cancellationToken).ConfigureAwait(false);
        var old = grace == TimeSpan.Zero ? "its other keys stop now" : $"its other keys stop at {Time(now + grace)}";
        var disabled = rotated.Principal!.Disabled ? $" (the {_spec.Noun} is disabled: every key is refused)" : "";
        await Console.Out.WriteLineAsync($"{_spec.Noun} {name}: new key; {old}{disabled}").ConfigureAwait(false);
        await WriteKeyAsync(rotated.Key!).ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    private async Task<int> DisableAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var name = result.GetRequiredValue(_name);
        await ChangeAsync(result, (store, ct) => Principals.DisableAsync(store, _spec.Kind, name, ct), cancellationToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"{_spec.Noun} {name} disabled: its keys are refused").ConfigureAwait(false);
        return ExitCodes.Completed;
    }

    /// <summary>Runs a change on the command's store; a principal that does not exist is a usage error.</summary>
    private async Task<PrincipalChange> ChangeAsync(ParseResult result, Func<IAccessStore, CancellationToken, Task<PrincipalChange>> change, CancellationToken cancellationToken)
    {
        PrincipalChange changed;
        var store = await StoreCommand.OpenAsync(result, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            changed = await change(store, cancellationToken).ConfigureAwait(false);
        }

        return changed.Outcome == PrincipalOutcome.NotFound ? throw NotFound(result.GetRequiredValue(_name)) : changed;
    }

    private ProductFlowException NotFound(string name) =>
        new($"there is no {_spec.Noun} {name}") { Hint = $"'productflow {_spec.Noun} list' shows the {_spec.Noun}s" };

    /// <summary>The key, alone on the last line of stdout, and on stderr why it must be kept now.</summary>
    private async Task WriteKeyAsync(string key)
    {
        await Console.Error.WriteLineAsync($"the key below is shown once and stored only as a hash: give it to the {_spec.Noun} now").ConfigureAwait(false);
        await Console.Out.WriteLineAsync(key).ConfigureAwait(false);
    }

    /// <summary>The grants given, each checked (a channel of the catalog, a pipeline of the folder): a grant of nothing would fail silently.</summary>
    private List<string> KnownGrants(ParseResult result, Option<string[]> option)
    {
        var grants = (result.GetValue(option) ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (grants.Count == 0)
        {
            return grants;
        }

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
