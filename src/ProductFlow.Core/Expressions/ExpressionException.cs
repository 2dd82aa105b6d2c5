namespace ProductFlow.Expressions;

/// <summary>A rule expression that cannot be parsed; the message says where.</summary>
public sealed class ExpressionException(string message) : Exception(message);
