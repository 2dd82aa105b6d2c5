using System.Text;
using System.Text.Json;
using NUnit.Framework;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

public sealed class ProductDocumentTests
{
    [Test]
    public void A_written_record_reads_back_with_every_field_and_scope()
    {
        var record = new ProductRecord("TS-1") { Parent = "TS", Family = "tshirt", Enabled = false };
        record.Categories = ["men", "tops"];
        record.Values.Add(new ProductValue("title", "en_US", null, "Tee \"classic\", 100% cotton\nline 2", ValueOrigin.FromRule("template")));
        record.Values.Add(new ProductValue("price", null, "web", "29.90", ValueOrigin.FromRule("map")) { Currency = "EUR" });
        record.Values.Add(new ProductValue("größe", null, null, "M", ValueOrigin.FromRule("map")));
        var document = new ProductDocument();
        document.Write(record);

        var read = ProductDocument.Read(document.Content.Span);

        Assert.Multiple(() =>
        {
            Assert.That(read.Sku, Is.EqualTo("TS-1"));
            Assert.That(read.Parent, Is.EqualTo("TS"));
            Assert.That(read.Family, Is.EqualTo("tshirt"));
            Assert.That(read.Enabled, Is.False);
            Assert.That(read.Categories, Is.EqualTo(new[] { "men", "tops" }));
            Assert.That(
                read.Values.Select(v => (v.Attribute, v.Locale, v.Channel, v.Currency, v.Data)),
                Is.EquivalentTo(record.Values.Select(v => (v.Attribute, v.Locale, v.Channel, v.Currency, v.Data))));
        });
        document.Write(read);
        Assert.That(document.Content.ToArray(), Is.EqualTo(Written(record)), "reading and writing again gives the same canonical bytes");
    }

    [Test]
    public void Groups_and_associations_read_back_in_canonical_order()
    {
        var record = new ProductRecord("P-1");
        record.Groups = ["summer", "promo"];
        record.Associations =
        [
            new ProductAssociation("X_SELL", AssociationTarget.Product, "B"),
            new ProductAssociation("PACK", AssociationTarget.Product, "A") { Quantity = 2 },
            new ProductAssociation("UPSELL", AssociationTarget.Group, "g"),
        ];

        var read = ProductDocument.Read(Written(record));

        Assert.That(read.Groups, Is.EqualTo(new[] { "promo", "summer" }));
        Assert.That(read.Associations, Is.EqualTo(new[]
        {
            new ProductAssociation("PACK", AssociationTarget.Product, "A") { Quantity = 2 },
            new ProductAssociation("UPSELL", AssociationTarget.Group, "g"),
            new ProductAssociation("X_SELL", AssociationTarget.Product, "B"),
        }));
        Assert.That(Written(read), Is.EqualTo(Written(record)));
    }

    [Test]
    public void A_document_with_fields_in_another_order_nulls_and_unknown_fields_reads()
    {
        var json = """
            {"future": {"nested": [1, 2, {"x": null}]}, "values": [{"data": "a\u00e9", "locale": null, "attribute": "color", "extra": [true]}],
             "enabled": true, "categories": [], "family": null, "sku": "X-1"}
            """;

        var read = ProductDocument.Read(Encoding.UTF8.GetBytes(json));

        Assert.Multiple(() =>
        {
            Assert.That(read.Sku, Is.EqualTo("X-1"));
            Assert.That(read.Family, Is.Null);
            Assert.That(read.Enabled, Is.True);
            Assert.That(read.Values.Single(), Is.EqualTo(new ProductValue("color", null, null, "aé", read.Values.Single().Origin)));
        });
    }

    [Test]
    public void A_document_without_sku_or_cut_short_is_an_error()
    {
        Assert.Throws<JsonException>(() => ProductDocument.Read("""{"values": [], "enabled": true}"""u8));
        Assert.That(() => ProductDocument.Read("""{"sku": "X", "values": [{"attribute": "a", "da"""u8), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void Escaped_attribute_names_are_read_unescaped()
    {
        var read = ProductDocument.Read("""{"sku": "X", "enabled": true, "categories": [], "values": [{"attribute": "gr\u00f6\u00dfe", "data": "M"}]}"""u8);

        Assert.That(read.Values.Single().Attribute, Is.EqualTo("größe"));
    }

    [Test]
    public void Content_and_lineage_are_the_bytes_the_writer_makes_of_the_strings_record_after_record()
    {
        // Property names are encoded once: a name that came out escaped otherwise than by the writer would change every hash.
        var awkward = ProductFlow.Tests.Json.WrittenJson.Awkward;
        var document = new ProductDocument();
        for (var round = 0; round < 3; round++)
        {
            var record = new ProductRecord($"S-{round}-<&>") { Family = awkward[round], Parent = "m\"odel", IsModel = round == 1, FamilyVariant = awkward[round + 1] };
            record.Categories = [awkward[round + 2]];
            for (var i = 0; i < awkward.Length; i++)
            {
                var cell = new ValueOrigin { Feed = "feed é.csv", Line = 2, Column = awkward[(i + round) % awkward.Length], Source = "src<1>" };
                var origin = i % 3 == 0 ? ValueOrigin.FromRule(awkward[i]) : i % 3 == 1 ? cell : cell with { Source = awkward[i], Line = 9 };
                record.Values.Add(new ProductValue(awkward[i], awkward[(i + 1) % awkward.Length], i % 2 == 0 ? awkward[(i + 2) % awkward.Length] : null, awkward[(i + 3) % awkward.Length], origin) { Currency = i % 2 == 0 ? "€" : null });
            }

            record.Values.Add(new ProductValue("lone\uD800", "x\uDC00", null, "\uD800", ValueOrigin.FromRule("r\uD800")));
            document.Write(record, "src<1>");

            Assert.That(document.Content.ToArray(), Is.EqualTo(ProductFlow.Tests.Json.WrittenJson.Rewritten(document.Content.Span)), $"content, record {round}");
            Assert.That(document.Lineage.ToArray(), Is.EqualTo(ProductFlow.Tests.Json.WrittenJson.Rewritten(document.Lineage.Span)), $"lineage, record {round}");
            Assert.That(document.Content.ToArray(), Is.EqualTo(Written(record)), "a document's first write and a later one");
        }
    }

    [Test]
    public void A_value_of_any_ascii_text_is_the_bytes_the_writer_makes_of_it()
    {
        // A value of plain text is written from its slot's names kept as bytes and its data copied: every ASCII character alone, between
        // letters and all the printable ones together, in values of one and several names, must come out as the writer escapes them.
        var texts = Enumerable.Range(0, 128).SelectMany(c => new[] { ((char)c).ToString(), $"a{(char)c}b" })
            .Append(new string(Enumerable.Range(0x20, 0x5F).Select(c => (char)c).ToArray())).Append("").Append(new string('x', 600)).ToList();
        var document = new ProductDocument();
        for (var r = 0; r < texts.Count; r += 16)
        {
            var record = new ProductRecord($"S-{r}");
            foreach (var (text, i) in texts.Skip(r).Take(16).Select((t, i) => (t, i)))
            {
                var slot = ValueSlot.Of($"a{i:00}", i % 3 == 0 ? "de_DE" : null, i % 4 == 0 ? "web" : null, i % 5 == 0 ? "EUR" : null);
                record.Values.Add(new ProductValue(slot, text, ValueOrigin.FromRule("test")));
            }

            document.Write(record);

            Assert.That(document.Content.ToArray(), Is.EqualTo(ProductFlow.Tests.Json.WrittenJson.Rewritten(document.Content.Span)), $"record {r}");
            Assert.That(ProductDocument.Read(document.Content.Span).Values.Select(v => v.Data), Is.EqualTo(record.Values.Select(v => v.Data)), $"record {r} read back");
        }
    }

    [Test]
    public void A_value_is_written_the_same_whether_its_slot_is_shared_or_not()
    {
        ProductRecord Record(Func<string, string?, string?, string?, ValueSlot> slot)
        {
            var record = new ProductRecord("S-1");
            record.Values.Add(new ProductValue(slot("price", null, "web", "EUR"), "12.5", ValueOrigin.FromRule("test")));
            record.Values.Add(new ProductValue(slot("name", "de_DE", null, null), "Größe <M>", ValueOrigin.FromRule("test")));
            record.Values.Add(new ProductValue(slot("lone\uD800", null, null, null), "x", ValueOrigin.FromRule("test")));
            return record;
        }

        var document = new ProductDocument();
        document.Write(Record(ValueSlot.Of));
        var shared = document.Content.ToArray();
        document.Write(Record(ValueSlot.Unshared));

        Assert.That(document.Content.ToArray(), Is.EqualTo(shared));
        Assert.That(Written(Record(ValueSlot.Unshared)), Is.EqualTo(shared));
        Assert.That(Encoding.UTF8.GetString(shared), Does.Contain("""{"attribute":"price","channel":"web","currency":"EUR","data":"12.5"}"""));
    }

    [Test]
    public void A_writer_that_wrote_records_before_writes_each_record_as_a_new_writer_does()
    {
        // The writer keeps the order of the last record's slots: records of the same slots in the same sequence (a feed's rows), of
        // other sequences, of fewer or more values, with a slot twice and with unshared slots, in turn.
        var random = new Random(7);
        var names = new[] { ("name", "en_US"), ("name", "de_DE"), ("brand", null), ("price", null), ("color", null), ("size", null), ("gtin", null), ("a", null), ("z", "fr_FR") };
        var sequences = Enumerable.Range(0, 6).Select(_ => names.OrderBy(_ => random.Next()).Take(random.Next(1, names.Length + 1)).ToArray()).ToList();
        sequences.Add([("name", "en_US"), ("brand", null), ("name", "en_US"), ("brand", null)]);
        sequences.Add([("name", "de_DE"), ("brand", null), ("name", "en_US"), ("brand", null)]);
        sequences.Add([("name", "en_US"), ("brand", null), ("name", "de_DE"), ("brand", null)]);
        sequences.Add([.. names.Reverse()]);
        sequences.Add(names);
        var writer = new ProductDocument();
        for (var r = 0; r < 400; r++)
        {
            var sequence = sequences[random.Next(3) == 0 ? random.Next(sequences.Count) : r / 50 % sequences.Count];
            var record = new ProductRecord($"S-{r}") { Feed = "feed.csv", Line = r + 2 };
            var unshared = random.Next(4) == 0;
            for (var v = 0; v < sequence.Length; v++)
            {
                var (attribute, locale) = sequence[v];
                var slot = unshared ? ValueSlot.Unshared(attribute, locale, null, null) : ValueSlot.Of(attribute, locale, null, null);
                record.Values.Add(new ProductValue(slot, $"{r}-{v}", ValueOrigin.OfFeed("feed.csv"), r + 2, $"col{v}"));
            }

            var fresh = new ProductDocument();
            fresh.Write(record, "supplier");
            writer.Write(record, "supplier");

            Assert.That(writer.Content.ToArray(), Is.EqualTo(fresh.Content.ToArray()), $"content of record {r}");
            Assert.That(writer.Lineage.ToArray(), Is.EqualTo(fresh.Lineage.ToArray()), $"lineage of record {r}");
        }
    }

    [Test]
    public void Documents_read_in_turn_give_each_its_own_categories_and_share_a_list_only_when_they_are_the_same()
    {
        // The reader keeps the last document's categories and gives them again to a document of the same ones: every pair of these in
        // turn (the same, a prefix, longer, another, none, an escaped one) reads as written.
        var lists = new[] { new[] { "apparel", "apparel_tshirts" }, ["apparel"], ["apparel", "apparel_tshirts", "sale"], ["shoes", "apparel_tshirts"], [], ["a\"b", "ü"] };
        ProductRecord? last = null;
        var written = new List<string[]>();
        foreach (var (first, second) in lists.SelectMany(a => lists.Select(b => (a, b))))
        {
            foreach (var categories in new[] { first, second, second })
            {
                var read = ProductDocument.Read(Written(new ProductRecord("S-1") { Categories = [.. categories] }));
                Assert.That(read.Categories, Is.EqualTo(categories), $"after [{string.Join(", ", written.LastOrDefault() ?? [])}]");
                if (last is not null && written[^1].SequenceEqual(categories) && categories.Length > 0)
                {
                    Assert.That(read.Categories, Is.SameAs(last.Categories), "a document of the last one's categories shares its list");
                }

                last = read;
                written.Add(categories);
            }
        }
    }

    [Test]
    public void Documents_read_in_turn_give_each_value_its_own_data_and_share_a_string_only_for_the_same_text()
    {
        // The reader keeps the last document's texts by position: the same text again, another, a prefix, an escaped one, the texts of
        // two positions swapped, fewer values and more, in turn.
        string[][] documents =
        [
            ["Tee", "Northwind", "black"], ["Tee", "Northwind", "white"], ["Te", "Northwind \"A\"", "white"], ["white", "Te", "Northwind \"A\""],
            ["white"], ["white", "ü – é", "Tee", "x"], ["white", "ü – é", "Tee", "x"],
        ];
        string[]? lastTexts = null;
        ProductRecord? last = null;
        foreach (var texts in documents)
        {
            var record = new ProductRecord("S-1");
            for (var i = 0; i < texts.Length; i++)
            {
                record.Values.Add(new ProductValue($"a{i}", null, null, texts[i], ValueOrigin.FromRule("map")));
            }

            var read = ProductDocument.Read(Written(record));

            Assert.That(read.Values.Select(v => (v.Attribute, v.Data)), Is.EqualTo(texts.Select((t, i) => ($"a{i}", t))), string.Join(" | ", texts));
            for (var i = 0; i < texts.Length && last is not null && i < lastTexts!.Length; i++)
            {
                Assert.That(ReferenceEquals(read.Values[i].Data, last.Values[i].Data), Is.EqualTo(texts[i] == lastTexts[i]), $"value {i} of <{string.Join(" | ", texts)}>");
            }

            (last, lastTexts) = (read, texts);
        }
    }

    [Test]
    public void Documents_read_in_turn_give_each_value_the_slot_its_own_names_make()
    {
        // The reader passes over a value's names when they are the bytes of the last document's value at the same position: names
        // that only begin alike, the same names in another order or spacing, an escaped name, unknown properties, names after the data
        // and a null name, in random documents read in turn, each give the slot of the value's own names.
        var random = new Random(11);
        string[] attributes = ["a", "ab", "name", "gr\\u00f6\\u00dfe"];
        string?[] locales = [null, "de_DE", "en_US"];
        string[] texts = ["x", "Tee \\\"A\\\"", "\\u00fc", "Northwind"];
        for (var d = 0; d < 600; d++)
        {
            var spaced = random.Next(4) == 0;
            var (colon, comma) = spaced ? (": ", ", ") : (":", ",");
            var expected = new List<(string, string?, string?, string?, string)>();
            var values = new List<string>();
            var count = random.Next(1, 6);
            for (var v = 0; v < count; v++)
            {
                // Mostly the same value at the same position, as a channel's order reads a model's variants; now and then another.
                var same = random.Next(5) != 0;
                var attribute = same ? attributes[v % 2] : attributes[random.Next(attributes.Length)];
                var locale = same ? locales[v % 3] : locales[random.Next(locales.Length)];
                var channel = !same && random.Next(3) == 0 ? "web" : null;
                var currency = !same && random.Next(3) == 0 ? "EUR" : null;
                var data = texts[random.Next(texts.Length)];
                var properties = new List<string> { $"\"attribute\"{colon}\"{attribute}\"" };
                if (locale is not null || random.Next(6) == 0)
                {
                    properties.Add($"\"locale\"{colon}{(locale is null ? "null" : $"\"{locale}\"")}");
                }

                properties.AddRange(new[] { (channel, "channel"), (currency, "currency") }.Where(p => p.Item1 is not null).Select(p => $"\"{p.Item2}\"{colon}\"{p.Item1}\""));
                if (random.Next(8) == 0)
                {
                    properties.Add($"\"extra\"{colon}[1{comma}{{\"attribute\"{colon}\"zz\"}}]");
                }

                // The data last as the writer puts it, or now and then before some of the names.
                var at = random.Next(6) == 0 ? random.Next(properties.Count + 1) : properties.Count;
                properties.Insert(at, $"\"data\"{colon}\"{data}\"");
                values.Add("{" + string.Join(comma, properties) + "}");
                expected.Add((Unescaped(attribute), locale, channel, currency, Unescaped(data)));
            }

            var json = $"{{\"sku\"{colon}\"S-{d}\"{comma}\"enabled\"{colon}true{comma}\"values\"{colon}[{string.Join(comma, values)}]}}";

            var read = ProductDocument.Read(Encoding.UTF8.GetBytes(json));

            Assert.That(read.Values.Select(v => (v.Attribute, v.Locale, v.Channel, v.Currency, v.Data)), Is.EqualTo(expected), json);
        }
    }

    [Test]
    public void A_value_whose_names_were_read_before_still_needs_its_data()
    {
        ProductDocument.Read("""{"sku":"S-1","values":[{"attribute":"a","data":"x"}]}"""u8);

        Assert.Throws<JsonException>(() => ProductDocument.Read("""{"sku":"S-2","values":[{"attribute":"a","data":null}]}"""u8));
        Assert.That(ProductDocument.Read("""{"sku":"S-3","values":[{"attribute":"a","data":null,"data":"y"}]}"""u8).Values.Single().Data, Is.EqualTo("y"));
    }

    private static byte[] Written(ProductRecord record)
    {
        var document = new ProductDocument();
        document.Write(record);
        return document.Content.ToArray();
    }

    private static string Unescaped(string json) => JsonSerializer.Deserialize<string>($"\"{json}\"")!;
}
