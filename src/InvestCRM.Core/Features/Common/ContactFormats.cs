using System.Net.Mail;

namespace InvestCRM.Features.Common;

/// <summary>What a phone number and an e-mail address must look like, wherever a form or the API takes one.</summary>
public static class ContactFormats
{
    /// <summary>Digits with the usual separators and at least 5 digits: landlines with area codes, mobiles, +86.</summary>
    public static bool IsPhone(string phone) =>
        phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')') && phone.Count(char.IsAsciiDigit) >= 5
        && phone.IndexOf('+', 1) < 0;

    /// <summary>One address, exactly as typed, at a host with a dot in its name.</summary>
    public static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);
}
