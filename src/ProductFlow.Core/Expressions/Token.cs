namespace ProductFlow.Expressions;

/// <summary>A token of a rule expression, with its position for error messages.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position);

internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    End,
}
