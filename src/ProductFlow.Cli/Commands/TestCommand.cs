using System.CommandLine;
using Microsoft.Extensions.Logging;
using ProductFlow.Cli.Output;
using ProductFlow.Running;
using ProductFlow.Testing;

namespace ProductFlow.Cli.Commands;

/// <summary><c>test [paths...] [--update]</c>: runs the regression cases beside pipelines and compares their outputs exactly.</summary>
internal static class TestCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Pipeline files, or folders of them. Default: pipelines/.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> Update = new("--update") { Description = "Write the current outputs as the expected ones (create a case, or approve a change)." };

    public static Command Create(ILoggerFactory logging)
    {
        var command = new Command("test", "Run the regression cases beside pipelines (<pipeline>.tests/<case>/input.* with the expected issues.csv, rejected.csv and exports/).") { Paths, Update }
            .WithExamples("productflow test", "productflow test pipelines/demo.json", "productflow test pipelines/demo.json --update");
        command.SetAction((result, ct) => ExecuteAsync(result, logging, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult result, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var paths = result.GetValue(Paths) is { Length: > 0 } given ? given : ["pipelines"];
        var cases = paths.SelectMany(Pipelines).SelectMany(FixtureCase.Of).ToList();
        if (cases.Count == 0)
        {
            throw new ProductFlowException($"no regression cases under {string.Join(", ", paths)}")
            {
                Hint = "add <pipeline>.tests/<case>/input.csv beside a pipeline, then run 'productflow test --update' to record its outputs",
            };
        }

        var runner = new FixtureRunner(logging);
        var update = result.GetValue(Update);
        var failed = 0;
        foreach (var fixture in cases)
        {
            var outcome = await runner.RunAsync(fixture, update, cancellationToken).ConfigureAwait(false);
            var name = $"{Path.GetFileNameWithoutExtension(fixture.Pipeline)}/{fixture.Name}";
            Console.WriteLine($"{(update ? "UPDATED" : outcome.Passed ? "PASS" : "FAIL")} {name}");
            foreach (var difference in outcome.Differences)
            {
                if (difference.ExpectedFile.Length > 0)
                {
                    Console.WriteLine($"  {difference.ExpectedFile} {difference.What}:");
                }

                Console.Write(difference.Diff);
            }

            failed += outcome.Passed ? 0 : 1;
        }

        Console.WriteLine($"{cases.Count - failed} passed, {failed} failed");
        return failed == 0 ? ExitCodes.Completed : ExitCodes.ValidationErrors;
    }

    private static IEnumerable<string> Pipelines(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal) : [path];
}
