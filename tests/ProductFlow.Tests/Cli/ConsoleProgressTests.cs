using ProductFlow.Cli.Output;
using ProductFlow.Running;

namespace ProductFlow.Tests.Cli;

public class ConsoleProgressTests
{
    [Test]
    public void A_progress_line_says_rows_bytes_share_rate_and_time_left()
    {
        var progress = new RunProgress("demo", 40_000, 16_500_000, 41_600_000, TimeSpan.FromSeconds(5));

        Assert.That(ConsoleProgress.Describe(progress), Is.EqualTo("demo: 40,000 rows · 16.5 of 41.6 MB (40%) · 8,000 rows/s · ETA 7s"));
    }

    [Test]
    public void Without_a_known_size_there_is_no_share_and_no_eta()
    {
        var progress = new RunProgress("api", 1_200, 0, 0, TimeSpan.FromSeconds(2));

        Assert.That(ConsoleProgress.Describe(progress), Is.EqualTo("api: 1,200 rows · 600 rows/s"));
        Assert.That(progress.Remaining, Is.Null);
    }

    [Test]
    public void Off_a_terminal_progress_is_a_plain_line_every_ten_seconds()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress(output);

        foreach (var second in Enumerable.Range(1, 25))
        {
            progress.Report(new RunProgress("demo", second * 1000, 0, 0, TimeSpan.FromSeconds(second)));
        }

        Assert.That(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        Assert.That(output.ToString(), Does.Not.Contain("\r"));
    }
}
