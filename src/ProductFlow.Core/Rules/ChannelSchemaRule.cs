using System.Buffers;
using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>schema</c>: a record's channel view satisfies the channel's JSON Schema; an error keeps the record off that channel only.</summary>
/// <remarks>
/// The schema is compiled once, when the catalog is loaded. A schema of a simple, known set of keywords is also compiled to checks on
/// the view's values (<see cref="ChannelSchemaChecks"/>): a record that passes them costs no JSON. Any other record (and every record
/// under any other schema) has its view written as JSON and validated, a second pass collecting every error when it is invalid:
/// the issues always come from the validator.
/// </remarks>
internal sealed class ChannelSchemaRule : IRule, IDisposable
{
    private readonly ChannelView _view;
    private readonly JsonSchema.JsonSchema _schema;
    private readonly ChannelSchemaChecks? _checks;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    /// <param name="channel">The channel, its schema compiled.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="view">The channel's view shared with the other rules of the run; default a view of its own.</param>
    /// <param name="slotChecks">Whether records that pass the schema's slot checks skip the JSON (default); <c>false</c> validates every view's JSON.</param>
    public ChannelSchemaRule(ChannelDefinition channel, ProductCatalog catalog, ChannelView? view = null, bool slotChecks = true)
    {
        _view = view ?? new ChannelView(channel, catalog);
        _schema = channel.CompiledSchema ?? throw new InvalidOperationException($"the schema of channel '{channel.Code}' was not compiled with the catalog");
        _checks = slotChecks ? ChannelSchemaChecks.Create(channel.FlatSchema, catalog) : null;
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Whether the channel's schema is checked on the view's values (records that pass skip the JSON); <c>false</c> when it is not flat or the catalog prevents it.</summary>
    internal bool UsesSlotChecks => _checks is not null;

    public void Apply(MappedRecord record, RuleContext context)
    {
        if (_checks is not null && _checks.IsValid(_view, record.Record))
        {
            return;
        }

        _buffer.ResetWrittenCount();
        _writer.Reset();
        _view.WriteJson(record.Record, _writer);
        _writer.Flush();
        using var document = JsonDocument.Parse(_buffer.WrittenMemory);
        if (_schema.IsValid(document.RootElement))
        {
            return;
        }

        foreach (var error in _schema.Validate(document.RootElement).Errors)
        {
            var field = FieldOf(error);
            var value = field is null ? null : _view.Resolve(record.Record, field);
            context.Report(record, RuleIds.ChannelSchema, Severity.Error, $"channel '{_view.Channel.Code}': {Describe(error)}", field: field, value: value, channel: _view.Channel.Code);
        }
    }

    public void Dispose() => _writer.Dispose();

    private static string Describe(JsonSchema.ValidationError error) =>
        error.InstanceLocation.Length <= 1 ? error.Message : $"{error.InstanceLocation.TrimStart('/')} {error.Message}";

    /// <summary>The top-level field an error is about: the first segment of its instance location, or the property a <c>required</c> names.</summary>
    private static string? FieldOf(JsonSchema.ValidationError error)
    {
        var location = error.InstanceLocation.TrimStart('/');
        if (location.Length > 0)
        {
            var slash = location.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? location : location[..slash];
        }

        var start = error.Message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : error.Message.IndexOf('\'', start + 1);
        return end > start ? error.Message[(start + 1)..end] : null;
    }
}
