using System.CommandLine;
using ProductFlow.Access;

namespace ProductFlow.Cli.Commands;

/// <summary>What makes the commands of one kind of principal their own: its noun, what it is granted, and where grants are checked.</summary>
/// <param name="Kind">The principals the commands manage.</param>
/// <param name="Noun">The command's name and the word in messages: <c>partner</c>, <c>supplier</c>, <c>user</c>.</param>
/// <param name="Grant">What is granted, as the option's name: <c>channel</c>, <c>pipeline</c>.</param>
/// <param name="GrantAlias">The option's short name: <c>-c</c>, <c>-p</c>.</param>
/// <param name="Verb">What a grant lets it do: <c>pull</c>, <c>upload to</c>.</param>
/// <param name="DisableVerb">The command that refuses every key: <c>disable</c>, <c>revoke</c>.</param>
/// <param name="Description">The group's help line.</param>
/// <param name="Source">The option that says where grants are checked (<c>--catalog</c>, <c>--pipelines</c>).</param>
/// <param name="Place">That place in messages: <c>the catalog</c>, <c>the pipelines folder</c>.</param>
/// <param name="Known">The grants that exist, read where <paramref name="Source"/> says.</param>
/// <param name="Example">A name for the examples.</param>
/// <param name="ExampleGrant">A grant for the examples.</param>
/// <param name="AddExamples">The examples of <c>add</c>.</param>
internal sealed record PrincipalSpec(
    PrincipalKind Kind, string Noun, string Grant, string GrantAlias, string Verb, string DisableVerb, string Description, Option Source, string Place,
    Func<ParseResult, IReadOnlyList<string>> Known, string Example, string ExampleGrant, IReadOnlyList<string> AddExamples)
{
    /// <summary>The roles a principal of this kind takes (<c>--role</c> on <c>add</c>, and <c>set-role</c>); none: it has no role. Default none.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Whether <c>add</c> needs at least one grant (a user with the admin role needs none). Default true.</summary>
    public bool GrantRequired { get; init; } = true;
}
