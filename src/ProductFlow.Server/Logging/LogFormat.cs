namespace ProductFlow.Server.Logging;

/// <summary>How the host writes its log to stdout: text for a terminal, compact JSON (CLEF) for a log collector.</summary>
public enum LogFormat
{
    Text,
    Json,
}
