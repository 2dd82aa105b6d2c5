using System.Globalization;

namespace ProductFlow.Expressions;

/// <summary>Splits a rule expression into tokens: identifiers and keywords, numbers, quoted strings, operators.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.LeftParen : c == ')' ? TokenKind.RightParen : TokenKind.Comma, c.ToString(), i));
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new ExpressionException($"a string starting at position {i + 1} is never closed");
                }

                tokens.Add(new Token(TokenKind.String, text[(i + 1)..end], i));
                i = end + 1;
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var number = text[start..i];
                if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    throw new ExpressionException($"'{number}' at position {start + 1} is not a number");
                }

                tokens.Add(new Token(TokenKind.Number, number, start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start));
            }
            else
            {
                var op = i + 1 < text.Length && text[i + 1] == '=' && c is '<' or '>' or '!' or '=' ? text.Substring(i, 2) : c.ToString();
                if (op is not ("<" or "<=" or ">" or ">=" or "=" or "==" or "!=" or "<>"))
                {
                    throw new ExpressionException($"unexpected '{c}' at position {i + 1}");
                }

                tokens.Add(new Token(TokenKind.Operator, op, i));
                i += op.Length;
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }
}
