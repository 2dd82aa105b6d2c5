using ProductFlow.Collections;

namespace ProductFlow.Tests.Collections;

public class KeyMapTests
{
    [Test]
    public void A_map_holds_what_a_dictionary_holds_through_its_growth()
    {
        var random = new Random(7);
        var map = new KeyMap<long>();
        var expected = new Dictionary<ulong, long>();
        for (var i = 0; i < 200_000; i++)
        {
            // Narrow keys half the time, so that keys repeat.
            var key = i % 2 == 0 ? (ulong)random.NextInt64() : (ulong)random.Next(50_000);
            Assert.That(map.TryAdd(key, i, out var existing), Is.EqualTo(expected.TryAdd(key, i)));
            Assert.That(existing, Is.EqualTo(expected[key] == i ? 0 : expected[key]));
        }

        Assert.That(map.Count, Is.EqualTo(expected.Count));
        foreach (var (key, value) in expected)
        {
            Assert.That(map.TryGetValue(key, out var found) && found == value, Is.True, $"key {key}");
        }

        Assert.That(map.TryGetValue(ulong.MaxValue - 1, out _), Is.False);
    }

    [Test]
    public void Key_zero_is_a_key_like_any_other()
    {
        var map = new KeyMap<int>();

        Assert.That(map.TryGetValue(0, out _), Is.False);
        Assert.That(map.TryAdd(0, 5), Is.True);
        Assert.That(map.TryAdd(0, 6, out var existing), Is.False);
        Assert.That((existing, map.TryGetValue(0, out var value), value), Is.EqualTo((5, true, 5)));
    }

    [Test]
    public void Replacing_changes_a_held_key_and_adds_none()
    {
        var map = new KeyMap<long>(expected: 1000);
        map.TryAdd(42, 1);

        Assert.That(map.TryReplace(42, 2), Is.True);
        Assert.That(map.TryReplace(43, 2), Is.False);
        Assert.That((map.Count, map.TryGetValue(42, out var value), value, map.TryGetValue(43, out _)), Is.EqualTo((1, true, 2L, false)));
    }

    [Test]
    public void A_set_adds_a_key_once()
    {
        var set = new KeySet();

        Assert.That((set.Add(3), set.Add(3), set.Contains(3), set.Contains(4), set.Count), Is.EqualTo((true, false, true, false, 1)));
    }
}
