using System.Text;
using ProductFlow.Testing;

namespace ProductFlow.Tests.Testing;

public class TextDiffTests
{
    [Test]
    public void An_inserted_line_shows_as_one_added_line()
    {
        var diff = TextDiff.Describe("sku;name\nA;Alpha\nB;Beta\nC;Gamma\n", "sku;name\nA;Alpha\nA2;Inserted\nB;Beta\nC;Gamma\n");

        Assert.That(diff, Is.EqualTo("  line 3\n  + A2;Inserted\n  expected 4 lines, got 5\n"));
    }

    [Test]
    public void A_removed_line_and_a_changed_line_are_told_apart()
    {
        var diff = TextDiff.Describe("h\nA\nB\nC\n", "h\nA2\nC\n");

        Assert.That(diff, Is.EqualTo("  line 2\n  - A\n  + A2\n  line 3\n  - B\n  expected 4 lines, got 3\n"));
    }

    [Test]
    public void A_file_is_decoded_in_its_own_encoding()
    {
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var expected = windows1252.GetBytes("Varenummer;Navn\nNO-1;Skjørt Østfold\n");
        var actual = windows1252.GetBytes("Varenummer;Navn\nNO-1;Skjørt Bø\n");

        var diff = TextDiff.Describe(TextDiff.Decode(expected, windows1252), TextDiff.Decode(actual, windows1252));

        Assert.That(diff, Does.Contain("- NO-1;Skjørt Østfold").And.Contain("+ NO-1;Skjørt Bø"));
    }
}
