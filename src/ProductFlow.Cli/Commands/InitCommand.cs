using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using ProductFlow.Cli.Output;

namespace ProductFlow.Cli.Commands;

/// <summary><c>init &lt;dir&gt; [--name NAME] [--force]</c>: scaffolds a pipeline, a catalog, a channel schema and a sample feed that run at once.</summary>
internal static partial class InitCommand
{
    private static readonly Argument<string> Folder = new("dir") { Description = "The folder to create the project in (created if needed)." };
    private static readonly Option<string> Name = new("--name") { Description = "The pipeline's name.", DefaultValueFactory = _ => "products" };
    private static readonly Option<bool> Force = new("--force") { Description = "Overwrite files that already exist." };

    /// <summary>The locales and currencies the scaffolded catalog has (option labels in each locale).</summary>
    private static readonly string[] Locales = ["en_US", "de_DE", "fr_FR", "nb_NO", "sv_SE"];
    private static readonly string[] Currencies = ["EUR", "NOK", "SEK", "DKK", "CHF", "GBP", "USD"];

    private static readonly Option<string> Locale = new("--locale") { Description = "The shop channel's locale, and the feed's texts': " + string.Join(", ", Locales) + ".", DefaultValueFactory = _ => "en_US" };
    private static readonly Option<string> Currency = new("--currency") { Description = "The shop channel's currency, and the feed's prices': " + string.Join(", ", Currencies) + ".", DefaultValueFactory = _ => "EUR" };

    public static Command Create()
    {
        var command = new Command("init", "Create a new pipeline with a sample catalog and feed that runs at once.") { Folder, Name, Locale, Currency, Force }
            .WithExamples("productflow init acme", "productflow init acme --name supplier-feed", "productflow init nordic --name nordic-knit --locale nb_NO --currency NOK");
        command.SetAction(Execute);
        return command;
    }

    private static int Execute(ParseResult result)
    {
        var folder = Path.GetFullPath(result.GetRequiredValue(Folder));
        var name = result.GetRequiredValue(Name);
        if (!PipelineName().IsMatch(name))
        {
            throw new ProductFlowException($"'{name}' is not a pipeline name") { Hint = "use lower-case letters, digits, '-' and '_'" };
        }

        var locale = result.GetRequiredValue(Locale);
        var currency = result.GetRequiredValue(Currency);
        if (!Locales.Contains(locale) || !Currencies.Contains(currency))
        {
            throw new ProductFlowException(Locales.Contains(locale) ? $"the scaffold has no currency '{currency}'" : $"the scaffold has no locale '{locale}'")
            {
                Hint = $"locales: {string.Join(", ", Locales)}; currencies: {string.Join(", ", Currencies)}; add others to schemas/catalog.json afterwards",
            };
        }

        var files = new (string Resource, string Target)[]
        {
            ("pipeline.json", Path.Combine("pipelines", name + ".json")),
            ("catalog.json", Path.Combine("schemas", "catalog.json")),
            ("shop.schema.json", Path.Combine("schemas", "channels", "shop.schema.json")),
            ("pipeline.schema.json", Path.Combine("schemas", "pipeline.schema.json")),
            ("catalog.schema.json", Path.Combine("schemas", "catalog.schema.json")),
            ("feed.csv", Path.Combine("samples", name + ".csv")),
        };

        var existing = files.Select(f => Path.Combine(folder, f.Target)).Where(File.Exists).ToList();
        if (existing.Count > 0 && !result.GetValue(Force))
        {
            throw new ProductFlowException($"{existing[0]} already exists") { Hint = "choose an empty folder, or add --force to overwrite" };
        }

        foreach (var (resource, target) in files)
        {
            var path = Path.Combine(folder, target);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Read(resource).Replace("{{name}}", name, StringComparison.Ordinal)
                .Replace("{{locale}}", locale, StringComparison.Ordinal).Replace("{{currency}}", currency, StringComparison.Ordinal));
        }

        var pipeline = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(folder, "pipelines", name + ".json")).Replace('\\', '/');
        Console.WriteLine($"created {pipeline} with its catalog, shop channel schema and a sample feed in {folder}");
        // Printed to be run as it stands: a path with spaces is quoted for the shell.
        Console.WriteLine($"next: productflow run {(pipeline.Contains(' ', StringComparison.Ordinal) ? $"'{pipeline}'" : pipeline)}");
        var reports = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(folder, "data", "reports")).Replace('\\', '/');
        Console.WriteLine($"then open the report.html the run prints: {reports}/<run id>/report.html (data/ beside pipelines/, from any working folder)");
        return ExitCodes.Completed;
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Scaffold/" + resource)
            ?? throw new InvalidOperationException($"the scaffold file {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex PipelineName();
}
