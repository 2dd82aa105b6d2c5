using Npgsql;

namespace ProductFlow.PostgreSql;

/// <summary>Reads a store setting as an Npgsql keyword connection string or a <c>postgresql://user:pass@host:port/db</c> URL.</summary>
/// <remarks>The password comes only from the setting (or Npgsql's own PGPASSWORD / passfile); ProductFlow has none of its own.</remarks>
public static class PostgreSqlConnectionString
{
    /// <summary>Whether <paramref name="store"/> names a PostgreSQL server rather than an embedded store.</summary>
    public static bool IsPostgreSql(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || store.Contains('=', StringComparison.Ordinal);
    }

    /// <summary>Parses the setting; throws <see cref="ArgumentException"/> (without the password in it) when it is malformed.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(store);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new ArgumentException("the connection string is malformed: " + FirstSentence(e.Message), e);
            }
        }

        if (!Uri.TryCreate(store, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres") || uri.Host.Length == 0)
        {
            throw new ArgumentException("the URL is malformed: expected postgresql://user:password@host:port/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        return builder;
    }

    /// <summary>The host a setting names, found leniently so that even a malformed setting's message can name it.</summary>
    public static string HostOf(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Uri.TryCreate(store, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            return uri.Host;
        }

        var match = System.Text.RegularExpressions.Regex.Match(store, @"(?:^|;)\s*(?:host|server)\s*=\s*([^;]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success && match.Groups[1].Value.Trim().Length > 0 ? match.Groups[1].Value.Trim() : "(no host)";
    }

    private static string FirstSentence(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? line : line[..(end + 1)];
    }
}
