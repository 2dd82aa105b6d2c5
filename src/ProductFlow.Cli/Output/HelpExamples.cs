using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace ProductFlow.Cli.Output;

/// <summary>Examples in <c>--help</c>, after the options of the command asked about, so command lists stay one line each.</summary>
/// <remarks>System.CommandLine 3 keeps its help layout internal, so the help action is wrapped: its own help first, then the examples.</remarks>
internal static class HelpExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    public static T WithExamples<T>(this T command, params string[] examples)
        where T : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Adds the examples to the help of <paramref name="root"/> and every command below it.</summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
        {
            option.Action = new HelpWithExamples(help);
        }
    }

    private sealed class HelpWithExamples(HelpAction help) : SynchronousCommandLineAction
    {
        /// <summary>As the help action it wraps: asking for help is never a usage error.</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var result = help.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine("  " + example);
                }

                output.WriteLine();
            }

            return result;
        }
    }
}
