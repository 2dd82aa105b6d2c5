namespace ProductFlow.Rules;

/// <summary>Why a GTIN is invalid.</summary>
public enum GtinProblem
{
    None,
    NotDigits,
    WrongLength,
    AllZeros,
    CheckDigit,
}
