using Microsoft.Data.Sqlite;

namespace ProductFlow.Ordering;

/// <summary>A temporary SQLite database on disk for what a run must set aside when it does not fit in memory: deleted when disposed.</summary>
/// <remarks>
/// No journal, no sync (a crash loses nothing the run needs: the file only lives as long as the run), a small page cache, and temporary
/// sorts on disk: an <c>ORDER BY</c> over more rows than memory holds is SQLite's external merge sort, in bounded memory.
/// </remarks>
internal sealed class ScratchFile : IDisposable
{
    private ScratchFile(string path, SqliteConnection connection)
    {
        Path = path;
        Connection = connection;
    }

    public string Path { get; }

    public SqliteConnection Connection { get; }

    public static ScratchFile Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"productflow-scratch-{Guid.NewGuid():N}.db");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = FILE; PRAGMA cache_size = -8192;";
        pragma.ExecuteNonQuery();
        return new ScratchFile(path, connection);
    }

    public SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    public void Dispose()
    {
        Connection.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A scratch file left in the temporary folder is harmless; the run's outcome does not depend on it.
        }
    }
}
