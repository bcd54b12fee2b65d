using System.Text.RegularExpressions;

namespace Suifang.Core.Security;

/// 链接令牌遮盖: whoever holds a questionnaire link (/q/{token}) can open the patient's questionnaire, so message text shown
/// to staff keeps only the first 4 characters of the token: "https://sf.example.cn/q/abcd****". The provider still gets
/// the full text (SmsMessage.TextCipher).
public static partial class LinkMasking
{
    public const string Hidden = "****";

    public static string Mask(string text) => string.IsNullOrEmpty(text) ? text : Token().Replace(text, m =>
        m.Groups[1].Value + (m.Groups[2].Value.Length <= 4 ? Hidden : m.Groups[2].Value[..4] + Hidden));

    [GeneratedRegex(@"(/q/)([A-Za-z0-9_\-]+)")]
    private static partial Regex Token();
}
