using System.Text;
using System.Text.Json;
using ProductFlow.Json;

namespace ProductFlow.Tests.Json;

public class JsonTextTests
{
    [Test]
    public void Each_write_gives_the_text_a_new_writer_gives_whatever_was_written_before_on_the_thread()
    {
        string[] values = ["a much longer value than the ones after it, to leave bytes behind in the buffer: " + new string('x', 3000), "b", "ü \"q\" <tag>", ""];
        foreach (var value in values.Concat(values.Reverse()))
        {
            Assert.That(JsonText.Write(value, Document), Is.EqualTo(Fresh(value)));
        }
    }

    [Test]
    public void The_threads_last_text_written_again_is_given_as_the_same_string_and_any_other_text_as_its_own()
    {
        string[] values = ["notes", "notes", "note", "notes", "notes-and-more", "notes", "", "", "ü", "ü"];
        string? last = null;
        string? lastValue = null;
        foreach (var value in values)
        {
            var text = JsonText.Write(value, Document);

            Assert.That(text, Is.EqualTo(Fresh(value)), value);
            if (value == lastValue)
            {
                Assert.That(text, Is.SameAs(last), value);
            }

            (last, lastValue) = (text, value);
        }
    }

    [Test]
    public void A_write_inside_another_gets_buffers_of_its_own()
    {
        var outer = JsonText.Write("outer", static (writer, name) =>
        {
            writer.WriteStartObject();
            writer.WriteString(name, JsonText.Write("inner", Document));
            writer.WriteEndObject();
        });

        Assert.That(outer, Is.EqualTo("""{"outer":"{\u0022value\u0022:\u0022inner\u0022,\u0022length\u0022:5}"}"""));
    }

    [Test]
    public void A_write_that_failed_leaves_the_next_one_whole()
    {
        Assert.That(() => JsonText.Write(0, static (writer, _) =>
        {
            writer.WriteStartObject();
            writer.WriteString("half", "written");
            throw new InvalidOperationException("stop");
        }), Throws.InvalidOperationException);

        Assert.That(JsonText.Write("after", Document), Is.EqualTo(Fresh("after")));
    }

    [Test]
    public async Task Threads_write_at_once_without_mixing_their_documents()
    {
        var texts = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            Enumerable.Range(0, 2_000).Select(i => JsonText.Write($"{t}-{i}", Document) == Fresh($"{t}-{i}")).All(same => same))));

        Assert.That(texts, Is.All.True);
    }

    private static void Document(Utf8JsonWriter writer, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("value", value);
        writer.WriteNumber("length", value.Length);
        writer.WriteEndObject();
    }

    private static string Fresh(string value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Document(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
