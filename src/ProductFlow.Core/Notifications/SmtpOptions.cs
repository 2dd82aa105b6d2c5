namespace ProductFlow.Notifications;

/// <summary>The SMTP server supplier emails go through, from configuration (environment variables in the CLI), never from a pipeline file.</summary>
public sealed class SmtpOptions
{
    public const string HostVariable = "PRODUCTFLOW_SMTP_HOST";
    public const string PortVariable = "PRODUCTFLOW_SMTP_PORT";
    public const string SecurityVariable = "PRODUCTFLOW_SMTP_SECURITY";
    public const string UserVariable = "PRODUCTFLOW_SMTP_USERNAME";
    public const string PasswordVariable = "PRODUCTFLOW_SMTP_PASSWORD";
    public const string FromVariable = "PRODUCTFLOW_SMTP_FROM";

    public required string Host { get; init; }

    /// <summary>Default 587 (submission).</summary>
    public int Port { get; init; } = 587;

    /// <summary><c>auto</c> (default: TLS as the port and server offer it), <c>none</c>, <c>starttls</c> or <c>ssl</c>.</summary>
    public string Security { get; init; } = "auto";

    /// <summary>The account to authenticate as; none: no authentication.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender address. Default <c>productflow@localhost</c>.</summary>
    public string From { get; init; } = "productflow@localhost";

    /// <summary>The options from <c>PRODUCTFLOW_SMTP_*</c>; null when <c>PRODUCTFLOW_SMTP_HOST</c> is not set (no email is sent).</summary>
    public static SmtpOptions? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(HostVariable) is not { Length: > 0 } host)
        {
            return null;
        }

        return new SmtpOptions
        {
            Host = host,
            Port = int.TryParse(Environment.GetEnvironmentVariable(PortVariable), System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : 587,
            Security = Environment.GetEnvironmentVariable(SecurityVariable) is { Length: > 0 } security ? security : "auto",
            Username = Environment.GetEnvironmentVariable(UserVariable) is { Length: > 0 } user ? user : null,
            Password = Environment.GetEnvironmentVariable(PasswordVariable),
            From = Environment.GetEnvironmentVariable(FromVariable) is { Length: > 0 } from ? from : "productflow@localhost",
        };
    }
}
