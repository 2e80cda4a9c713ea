namespace InvestCRM.Features.Enterprises;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, Z, S, V);
/// the last is a check character computed from the first 17 with fixed weights, modulo 31.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and strips spaces, so "9135 0200 ..." typed on a phone still matches.</summary>
    public static string Normalize(string code) =>
        new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != Length || code.Any(c => Alphabet.IndexOf(c) < 0))
        {
            return false;
        }

        return CheckCharacter(code.AsSpan(0, Length - 1)) == code[Length - 1];
    }

    /// <summary>The check character for a 17-character body; the data generator uses it to make valid codes.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> body)
    {
        if (body.Length != Length - 1)
        {
            throw new ArgumentException("The body has 17 characters.", nameof(body));
        }

        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var value = Alphabet.IndexOf(body[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{body[i]}' is not allowed in a credit code.", nameof(body));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }
}
