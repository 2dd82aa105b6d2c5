using ProductFlow.Model;

namespace ProductFlow.Tests.Model;

public class SlotTableTests
{
    [Test]
    public void A_shared_slot_is_worked_out_once_and_an_unshared_one_at_each_call()
    {
        var calls = new Dictionary<string, int>();
        var table = new SlotTable<string>(slot =>
        {
            calls[slot.ToString()] = calls.GetValueOrDefault(slot.ToString()) + 1;
            return slot.Attribute.ToUpperInvariant();
        });
        var shared = ValueSlot.Of("size", "en_US", null, null);
        var unshared = ValueSlot.Unshared("size", "de_DE", null, null);

        for (var i = 0; i < 3; i++)
        {
            Assert.That(table[shared], Is.EqualTo("SIZE"));
            Assert.That(table[unshared], Is.EqualTo("SIZE"));
        }

        Assert.That(calls[shared.ToString()], Is.EqualTo(1));
        Assert.That(calls[unshared.ToString()], Is.EqualTo(3));
    }

    [Test]
    public void Threads_sharing_a_table_get_each_slots_answer_while_it_grows()
    {
        var slots = Enumerable.Range(0, 3_000).Select(i => ValueSlot.Of($"attribute-{Guid.NewGuid():N}", i % 2 == 0 ? "en_US" : null, null, null)).ToArray();
        var table = new SlotTable<string>(slot => slot.Attribute + "!");
        var wrong = 0;

        Parallel.For(0, 8, t =>
        {
            for (var round = 0; round < 3; round++)
            {
                foreach (var slot in t % 2 == 0 ? slots : slots.Reverse())
                {
                    if (table[slot] != slot.Attribute + "!")
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        Assert.That(wrong, Is.Zero);
    }

    [Test]
    public void A_default_answer_is_kept_like_any_other()
    {
        var calls = 0;
        var table = new SlotTable<int>(_ => { calls++; return 0; });
        var slot = ValueSlot.Of("weight", null, null, null);

        Assert.That(table[slot] + table[slot] + table[slot], Is.Zero);
        Assert.That(calls, Is.EqualTo(1));
    }
}
