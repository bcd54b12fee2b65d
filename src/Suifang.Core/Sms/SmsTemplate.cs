using System.Text.RegularExpressions;

namespace Suifang.Core.Sms;

/// 短信模板: text with variables such as {患者姓名} {时间} {地点} {携带物品} {医院电话}. ProviderCode is the template's
/// code at the SMS provider (阿里云 SMS_xxx, 腾讯云 template id); its variables go in the order they appear in Text.
public sealed class SmsTemplate
{
    public int Id { get; set; }
    public int HospitalId { get; set; }
    public required string Name { get; set; }
    public SmsPurpose Purpose { get; set; }
    public required string Text { get; set; }
    public string? ProviderCode { get; set; }
    public bool Active { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// The variables a template may use, and filling them in.
public static partial class SmsTemplateText
{
    public const string PatientName = "患者姓名";
    public const string Time = "时间";
    public const string Place = "地点";
    public const string Bring = "携带物品";
    public const string HospitalPhone = "医院电话";
    public const string Hospital = "医院";
    public const string Department = "科室";
    public const string Doctor = "医生";
    public const string Link = "链接";

    /// Known variables with a typical value, used for the length check and the preview.
    public static readonly IReadOnlyDictionary<string, string> Samples = new Dictionary<string, string>
    {
        [PatientName] = "王建国",
        [Time] = "12月5日上午9:00",
        [Place] = "门诊楼3楼心内科",
        [Bring] = "出院小结和医保卡",
        [HospitalPhone] = "0571-87654321",
        [Hospital] = "第一人民医院",
        [Department] = "心内科",
        [Doctor] = "李医生",
        [Link] = "https://sf.example.cn/q/Ab3dE9",
    };

    /// The variables in the order they first appear.
    public static IReadOnlyList<string> VariablesOf(string text) =>
        Variable().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// Text with every variable filled in; the names of variables without a value come back in Missing.
    public static (string Text, IReadOnlyList<string> Missing) Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var missing = new List<string>();
        var text = Variable().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v))
                return v.Trim();
            if (!missing.Contains(name))
                missing.Add(name);
            return m.Value;
        });
        return (text, missing);
    }

    /// The template's variables with their values, in template order (Tencent passes them by position).
    public static List<KeyValuePair<string, string>> Ordered(string template, IReadOnlyDictionary<string, string> values) =>
        VariablesOf(template).Select(v => new KeyValuePair<string, string>(v, values.GetValueOrDefault(v, ""))).ToList();

    [GeneratedRegex(@"\{([^{}\s]{1,12})\}")]
    private static partial Regex Variable();
}
