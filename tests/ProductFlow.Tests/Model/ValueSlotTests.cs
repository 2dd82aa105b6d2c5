using ProductFlow.Model;

namespace ProductFlow.Tests.Model;

public class ValueSlotTests
{
    [Test]
    public void The_same_names_give_the_same_shared_slot_whatever_strings_hold_them()
    {
        var slot = ValueSlot.Of("name", "en_US", null, null);
        var again = ValueSlot.Of(new string("name".AsSpan()), new string("en_US".AsSpan()), null, null);

        Assert.That(again, Is.SameAs(slot));
        Assert.That(slot.Id, Is.Positive);
        Assert.That((slot.Attribute, slot.Locale, slot.Channel, slot.Currency), Is.EqualTo(("name", "en_US", (string?)null, (string?)null)));
    }

    [Test]
    public void Names_differing_in_any_part_give_different_slots()
    {
        var slots = new[]
        {
            ValueSlot.Of("price", null, null, null),
            ValueSlot.Of("price", null, null, "EUR"),
            ValueSlot.Of("price", null, null, "USD"),
            ValueSlot.Of("price", "en_US", null, "EUR"),
            ValueSlot.Of("price", null, "web", "EUR"),
            ValueSlot.Of("cost", null, null, "EUR"),
        };

        Assert.That(slots.Distinct(), Has.Exactly(slots.Length).Items);
        Assert.That(slots.Select(s => s.Id).Distinct(), Has.Exactly(slots.Length).Items);
    }

    [Test]
    public void Threads_asking_for_the_same_names_at_once_get_one_slot()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"attribute-{Guid.NewGuid():N}-{i}").ToArray();
        var seen = new ValueSlot[8][];
        Parallel.For(0, seen.Length, t => seen[t] = names.Select(n => ValueSlot.Of(new string(n.AsSpan()), "de_DE", "web", null)).ToArray());

        for (var i = 0; i < names.Length; i++)
        {
            Assert.That(seen.Select(s => s[i]).Distinct().Count(), Is.EqualTo(1), names[i]);
        }
    }

    [Test]
    public void A_slot_not_shared_is_the_same_as_a_shared_slot_of_its_names_and_no_other()
    {
        var shared = ValueSlot.Of("name", "en_US", null, null);
        var unshared = ValueSlot.Unshared("name", "en_US", null, null);

        Assert.That(unshared.Id, Is.Zero);
        Assert.That(ValueSlot.Same(shared, unshared), Is.True);
        Assert.That(ValueSlot.Same(unshared, shared), Is.True);
        Assert.That(ValueSlot.Same(unshared, ValueSlot.Unshared("name", "de_DE", null, null)), Is.False);
        Assert.That(ValueSlot.Same(shared, ValueSlot.Of("name", "de_DE", null, null)), Is.False);
    }

    [Test]
    public void The_catalog_finds_a_slots_attribute_as_it_finds_the_attribute_by_name_from_any_thread()
    {
        var catalog = ProductFlow.Tests.Channels.ChannelRecords.Catalog;
        var names = catalog.Attributes.Select(a => a.Code).Append("not_in_catalog").Append($"other-{Guid.NewGuid():N}").ToArray();
        var slots = names.SelectMany(n => new[]
        {
            ValueSlot.Of(n, null, null, null), ValueSlot.Of(n, "de_DE", "web", "EUR"), ValueSlot.Unshared(n, "en_US", null, null),
        }).ToArray();
        var found = new ProductFlow.Catalog.AttributeDefinition?[4][];

        Parallel.For(0, found.Length, t => found[t] = [.. Enumerable.Range(0, 3).SelectMany(_ => slots.Select(catalog.FindAttribute))]);

        var expected = Enumerable.Range(0, 3).SelectMany(_ => slots.Select(s => catalog.FindAttribute(s.Attribute))).ToArray();
        Assert.That(expected.Count(a => a is null), Is.EqualTo(3 * 2 * 3), "the two names the catalog does not have, in three slots, three times");
        Assert.That(found, Has.All.EqualTo(expected));
    }

    [Test]
    public void A_slot_needs_an_attribute() =>
        Assert.That(() => ValueSlot.Of(null!, null, null, null), Throws.ArgumentNullException);
}
