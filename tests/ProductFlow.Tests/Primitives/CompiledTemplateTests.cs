using System.Globalization;
using Fluid;
using ProductFlow.Primitives;

namespace ProductFlow.Tests.Primitives;

public class CompiledTemplateTests
{
    private static readonly string[] Names = ["name", "brand", "_x", "Color2", "sku"];

    // Tag shapes: no spaces, spaces, several spaces and a tab, line breaks, a space on one side.
    private static readonly string[] Tags = ["{{{0}}}", "{{ {0} }}", "{{  {0}\t}}", "{{\n{0}\r\n}}", "{{{0} }}"];

    // The argument-less string filters rendered without Fluid, and the white space around their bars.
    private static readonly string[] Filters = ["capitalize", "upcase", "downcase", "strip", "lstrip", "rstrip"];
    private static readonly string[] Bars = ["|", " | ", "  |\t", "\n|\r\n", " |"];

    // Never ending with '{': that would open the tag after it with three braces.
    private static readonly string[] Literals =
        ["", " ", "Title: ", " – ", "<b>", "&amp; ", "\"q\" 'a' ", "ünï € 😀", "\n", "}}", "a}b", "%}", "x{y", "}", "https://shop.example/p/", "?ref=feed&x=1"];

    private static readonly string?[] Values =
        [null, "", "Northwind", "<b>&amp;\"'</b>", "12.50", "0", "-3", "1e5", "true", "nil", "ünï 😀 €", "  padded  ", "a}}b{{c", "{% if x %}", "line\nbreak", "ÇA ÇA",
         "istanbul ıi İI", "straße ß", "éclair", "Σίσυφος ΟΔΟΣ σς", "𝒜bc 𝒜", "😀 smile", "e\u0301cole", "\u0301e", " leading", "-dash", "9lives",
         ".dot", "\u00A0nbsp\u2003", "\u200Bzero", "ǆemal ǅ", "ﬁne", "\tTab\r\n", "i", "ı", "I", "ŉ", "ÿ", "ǰ"];

    // The cultures the differential tests run under: Fluid's filters use the template context's culture (invariant), never the current one.
    private static readonly string[] Cultures = ["", "tr-TR", "de-DE"];

    [TestCaseSource(nameof(Cultures))]
    public void Render_of_a_simple_template_is_exactly_what_Fluid_renders_for_every_shape_and_value(string culture)
    {
        using var _ = new CurrentCulture(culture);
        var random = new Random(20);
        var simple = 0;
        var renders = 0;
        for (var t = 0; t < 600; t++)
        {
            var text = SimpleShapedTemplate(random);
            var template = CompiledTemplate.Parse(text);
            Assert.That(template.IsSimple, Is.True, text);
            simple++;
            for (var m = 0; m < 25; m++)
            {
                var values = template.Variables.Select(_ => Values[random.Next(Values.Length)]).ToArray();
                Assert.That(template.Render(values), Is.EqualTo(Fluid(text, template.Variables, values)), $"template <{text}> with [{string.Join(", ", values.Select(v => v is null ? "(none)" : $"<{v}>"))}]");
                renders++;
            }
        }

        Assert.That((simple, renders), Is.EqualTo((600, 15_000)));
    }

    [Test]
    public void A_template_that_always_has_text_never_renders_blank_and_one_that_may_does_for_some_values()
    {
        // Over the random simple templates, with every value blank or white space and with the usual values: a template said always
        // to have text renders text for each; one not said to has no literal text, so all-blank values render it blank.
        var random = new Random(21);
        var always = 0;
        for (var t = 0; t < 600; t++)
        {
            var text = SimpleShapedTemplate(random);
            var template = CompiledTemplate.Parse(text);
            var blank = template.Variables.Select(_ => random.Next(2) == 0 ? " \t" : null).ToArray();
            if (template.AlwaysHasText)
            {
                always++;
                Assert.That(template.Render(blank), Is.Not.Empty.And.Not.Matches(@"^\s*$"), text);
                for (var m = 0; m < 10; m++)
                {
                    Assert.That(template.Render(template.Variables.Select(_ => Values[random.Next(Values.Length)]).ToArray()), Is.Not.Matches(@"^\s*$"), text);
                }
            }
            else
            {
                Assert.That(template.Render(blank), Does.Match(@"^\s*$"), text);
            }
        }

        Assert.That(always, Is.InRange(100, 590), "both kinds are tried");
        Assert.That(CompiledTemplate.Parse("{% if sku %}https://shop.example/{{ sku }}{% endif %}").AlwaysHasText, Is.False, "a template Fluid renders may render nothing");
    }

    [Test]
    public void Render_with_filters_is_exactly_what_Fluid_renders_for_tricky_values_in_every_culture(
        [ValueSource(nameof(Cultures))] string culture,
        [Values("{{ name | capitalize }}", "{{ name | upcase }}", "{{ name | downcase }}", "{{ name | strip }}", "{{ name | lstrip }}", "{{ name | rstrip }}",
            "{{ name | upcase | strip }}", "{{ name | strip | capitalize }}", "{{ name | downcase | capitalize | rstrip }}", "<{{ name | lstrip | upcase }}>")] string text)
    {
        using var _ = new CurrentCulture(culture);
        var template = CompiledTemplate.Parse(text);

        Assert.That(template.IsSimple, Is.True);
        foreach (var value in Values)
        {
            Assert.That(template.Render([value]), Is.EqualTo(Fluid(text, template.Variables, [value])), value is null ? "(none)" : $"<{value}>");
        }
    }

    [TestCase("{{ brand }} {{ name }} – {{ color }}")]
    [TestCase("https://shop.example/p/{{ sku }}?c={{ color }}")]
    [TestCase("{{name}}{{brand}}")]
    [TestCase("only text, & < > \" '")]
    [TestCase("")]
    [TestCase("{{ name }}{{ name }}")]
    [TestCase("{{ brand }} {{ name }} – {{ color | capitalize }}")]
    [TestCase("{{ name | upcase }}")]
    [TestCase("{{ name | upcase | strip }}")]
    [TestCase("{{name|downcase|lstrip|rstrip}}")]
    [TestCase("{{ name | capitalize }} {{ name }}")]
    public void Parse_takes_text_and_plain_outputs_without_Fluid(string text)
    {
        Assert.That(CompiledTemplate.Parse(text).IsSimple, Is.True);
    }

    [TestCase("{{ name | capitalize: 1 }}")]
    [TestCase("{{ name | truncate: 5 }}")]
    [TestCase("{{ name | upcase | append: '!' }}")]
    [TestCase("{{ name | strip_newlines }}")]
    [TestCase("{{ name | escape }}")]
    [TestCase("{{ name | size }}")]
    [TestCase("{{ name | no_such_filter }}")]
    [TestCase("{{ name | UPCASE }}")]
    [TestCase("{{ name | upcase -}}")]
    [TestCase("{{- name | upcase }}")]
    [TestCase("{{ name | upcase }}{% if name %}x{% endif %}")]
    [TestCase("{{ nil | upcase }}")]
    [TestCase("{% if name %}{{ name }}{% endif %}")]
    [TestCase("{% raw %}{{ name }}{% endraw %}")]
    [TestCase("{{ name }}{% comment %}x{% endcomment %}")]
    [TestCase("a {{- name }} b")]
    [TestCase("a {{ name -}} b")]
    [TestCase("{{ name.size }}")]
    [TestCase("{{ name.first }} {{ name.missing }}")]
    [TestCase("{{ name[0] }}")]
    [TestCase("{{ true }}")]
    [TestCase("{{ nil }}")]
    [TestCase("{{ empty }}")]
    [TestCase("{{ blank }}")]
    [TestCase("{{ 'literal' }}")]
    [TestCase("{{ 12 }}")]
    [TestCase("{{ Name }} {{ name }}")]
    public void Parse_leaves_any_other_Liquid_to_Fluid_and_renders_what_Fluid_renders(string text)
    {
        var template = CompiledTemplate.Parse(text);

        Assert.That(template.IsSimple, Is.False);
        foreach (var value in Values)
        {
            var values = template.Variables.Select(_ => value).ToArray();
            Assert.That(template.Render(values), Is.EqualTo(Fluid(text, template.Variables, values)), value);
        }
    }

    [TestCase("{{ name ")]
    [TestCase("{% if name %}")]
    [TestCase("a{{{ name }}")]
    public void Parse_rejects_what_Fluid_rejects(string text)
    {
        Assert.That(() => CompiledTemplate.Parse(text), Throws.ArgumentException);
    }

    // Templates that come near the simple form's edges: Liquid's words as names, braces and tag ends in the text, unclosed and
    // doubled tags, a filter with nothing after its bar.
    [TestCase("{{ and }} {{ or }} {{ contains }} {{ in }} {{ if }} {{ endif }} {{ raw }} {{ for }} {{ with }} {{ else }}")]
    [TestCase("{{ a }}}")]
    [TestCase("{{ a }}{")]
    [TestCase("a { b } %} }} {")]
    [TestCase("{{ a }}{{")]
    [TestCase("{{ a }} {{ }}")]
    [TestCase("{{ a | }}")]
    [TestCase("{{ a || upcase }}")]
    [TestCase("{{ a | upcase upcase }}")]
    [TestCase("{{ a b }}")]
    [TestCase("{{ _ }}{{ _1 }}{{ a_ }}")]
    [TestCase("{{ 1a }}")]
    [TestCase("{{ a\n|\nupcase\n}}")]
    [TestCase("{{ a }}{{ A }}")]
    [TestCase("{{ a }} {%")]
    public void Parse_and_Check_accept_exactly_what_Fluids_parser_accepts_with_its_error(string text)
    {
        AssertJudgedAsFluidJudges(text);
    }

    [Test]
    public void Parse_and_Check_accept_exactly_what_Fluids_parser_accepts_for_random_token_soup()
    {
        string[] tokens = ["{{", "}}", "{", "}", "{%", "%}", "-", "|", " ", "\n", "a", "B", "_", "1", ".", ":", "'", "upcase", "capitalize", "or", "nil", "raw"];
        var random = new Random(20);
        var simple = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => tokens[random.Next(tokens.Length)]));
            simple += AssertJudgedAsFluidJudges(text) ? 1 : 0;
        }

        Assert.That(simple, Is.GreaterThan(1_000), "enough of the soup is of the simple form to test it");
    }

    [Test]
    public void Render_filters_each_value_whether_it_repeats_the_last_one_or_not()
    {
        var template = CompiledTemplate.Parse("{{ brand | upcase }} {{ color | capitalize }}");

        string?[][] rows = [["a", "white"], ["a", "white"], ["b", "black"], ["b", null], ["b", "white"], [null, "white"], ["a", ""], ["a", "white"]];

        Assert.That(rows.Select(row => template.Render(row)), Is.EqualTo(new[] { "A White", "A White", "B Black", "B ", "B White", " White", "A ", "A White" }));
    }

    [Test]
    public void Render_takes_one_value_per_variable()
    {
        var template = CompiledTemplate.Parse("{{ brand }} {{ name }}");

        Assert.That(template.Variables, Is.EqualTo(new[] { "brand", "name" }));
        Assert.That(() => template.Render(["Northwind"]), Throws.ArgumentException);
    }

    private static string SimpleShapedTemplate(Random random)
    {
        var outputs = random.Next(0, 5);
        var text = new System.Text.StringBuilder(Literals[random.Next(Literals.Length)]);
        for (var i = 0; i < outputs; i++)
        {
            var output = new System.Text.StringBuilder(Names[random.Next(Names.Length)]);

            // No filter one time in three, else a chain of one to four.
            for (var f = random.Next(3) == 0 ? 0 : random.Next(1, 5); f > 0; f--)
            {
                output.Append(Bars[random.Next(Bars.Length)]).Append(Filters[random.Next(Filters.Length)]);
            }

            text.Append(Tags[random.Next(Tags.Length)].Replace("{0}", output.ToString(), StringComparison.Ordinal));

            // Adjacent tags one time in three.
            text.Append(random.Next(3) == 0 ? "" : Literals[random.Next(Literals.Length)]);
        }

        return text.ToString();
    }

    // CompiledTemplate.Parse and LiquidTemplate.Check take a template exactly when Fluid's own parser does, and throw Fluid's error
    // when it does not (the simple form is rendered without Fluid's parser, so this holds it to Fluid's). Whether it is simple.
    private static bool AssertJudgedAsFluidJudges(string text)
    {
        var valid = new FluidParser().TryParse(text, out _, out var error);
        if (valid)
        {
            Assert.That(() => LiquidTemplate.Check(text), Throws.Nothing, text);
            return CompiledTemplate.Parse(text).IsSimple;
        }

        Assert.That(() => LiquidTemplate.Check(text), Throws.ArgumentException.With.Message.StartsWith(error), text);
        Assert.That(() => CompiledTemplate.Parse(text), Throws.ArgumentException.With.Message.StartsWith(error), text);
        return false;
    }

    // Sets the current culture (and UI culture) for a test's body; "" is the invariant culture.
    private sealed class CurrentCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CurrentCulture(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }

    // Fluid as the template enricher used it before: a value set per variable, a variable without a value not set at all.
    private static string Fluid(string text, string[] variables, string?[] values)
    {
        var context = new TemplateContext();
        for (var i = 0; i < variables.Length; i++)
        {
            if (values[i] is { } value)
            {
                context.SetValue(variables[i], value);
            }
        }

        return LiquidTemplate.Parse(text).Render(context);
    }
}
