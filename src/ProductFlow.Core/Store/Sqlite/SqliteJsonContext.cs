using System.Text.Json.Serialization;

namespace ProductFlow.Store.Sqlite;

/// <summary>Source-generated JSON of what the embedded store keeps as JSON text: a principal's grants.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
