using System.Text;
using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Json;

namespace ProductFlow.Tests.Store;

public class NotesJsonTests
{
    [Test]
    public void Notes_are_the_bytes_the_writer_makes_of_the_strings_record_after_record()
    {
        // Property names are encoded once: the stored notes are compared as they are.
        var awkward = WrittenJson.Awkward;
        for (var round = 0; round < 3; round++)
        {
            var issues = awkward.Select((text, i) => new Issue(i % 2 == 0 ? Severity.Error : Severity.Warning, awkward[(i + round) % awkward.Length], $"message {text}")
            {
                Channel = i % 3 == 0 ? null : text,
                Field = awkward[(i + 1) % awkward.Length],
                Column = i % 2 == 0 ? "col\uD800" : text,
            }).ToList();
            var notes = new ProductNotes([.. awkward], issues) { Completeness = [new CompletenessScore(awkward[round], awkward[round + 1], 2, 3)] };

            var json = NotesJson.Write(notes);

            var bytes = Encoding.UTF8.GetBytes(json);
            Assert.That(bytes, Is.EqualTo(WrittenJson.Rewritten(bytes)), json);
            Assert.That(NotesJson.Read(json).Issues, Is.EqualTo(issues.Select(i => i with { Column = i.Column == "col\uD800" ? "col\uFFFD" : i.Column })));
        }
    }
}
