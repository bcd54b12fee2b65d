using System.Text.RegularExpressions;

namespace Suifang.Core.Quality;

/// 禁止内容 (7.2.5.2): what the agent must never say. A rule is a name and a regular expression over the agent's turns;
/// the hospital may replace the list (QualitySettings.ForbiddenRules, one "名称|正则" a line).
public sealed record ForbiddenRule(string Name, Regex Pattern)
{
    public static readonly IReadOnlyList<ForbiddenRule> Defaults = Parse(DefaultText);

    public const string DefaultText = """
        诊断|(您|你)[^，。？！]{0,4}(是|属于|得了|患了)(?!否|不是)[^，。？！]{0,8}(病|炎|癌|瘤|梗|综合征|感染)
        诊断|(确诊|诊断)(为|是)
        处方|(建议|可以|需要|要)(您|你)?(把|将)?[^，。？！]{0,6}(加量|减量|加到|减到|停掉|停用|换成)
        处方|(每次|每天|一天)[^，。？！]{0,4}\d+(\.\d+)?\s*(片|粒|毫克|mg|支|袋)
        承诺|(保证|一定会好|肯定没事|肯定没有问题|包您|包你)
        他人信息|(其他|另一位|别的)(患者|病人)[^，。？！]{0,10}(姓名|电话|病情|住址|身份证)
        完整号码|(?<!\d)1[3-9]\d{9}(?!\d)
        完整号码|(?<!\d)\d{17}[\dXx](?!\d)
        """;

    /// Lines "名称|正则"; blank lines and lines starting with # are skipped; an invalid expression is an error the caller shows.
    public static IReadOnlyList<ForbiddenRule> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Defaults;
        var rules = new List<ForbiddenRule>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var bar = line.IndexOf('|');
            if (bar <= 0 || bar == line.Length - 1)
                throw new FormatException($"禁止内容规则“{line}”的格式不对：应为“名称|正则表达式”，例如“承诺|保证治好”。");
            try
            {
                rules.Add(new ForbiddenRule(line[..bar].Trim(), new Regex(line[(bar + 1)..].Trim(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))));
            }
            catch (ArgumentException)
            {
                throw new FormatException($"禁止内容规则“{line[..bar].Trim()}”的表达式写法有误，请检查括号和特殊符号，或改用普通文字。");
            }
        }
        return rules;
    }
}
