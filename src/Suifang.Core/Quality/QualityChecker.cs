using System.Globalization;
using Suifang.Core.Calls;

namespace Suifang.Core.Quality;

/// The automatic checks of one call's transcript (7.2.5.2): the mandatory items were said — identity confirmation, AI
/// disclosure, every required question on the script's path — and no forbidden content was spoken. Pure: the caller
/// loads the call, its script version and its answers.
public static class QualityChecker
{
    /// Words by which the agent says it is an AI (AI 身份告知, 7.2.5.2; the templates say "AI智能随访助手").
    private static readonly string[] DisclosureWords = ["AI", "人工智能", "智能助手", "智能随访", "智能语音", "机器人"];

    /// Words of an identity question ("您是…本人还是家属吗").
    private static readonly string[] IdentityWords = ["本人", "家属"];

    /// The agent's opening turns where the disclosure must come (before any question).
    private const int DisclosureWithinAgentTurns = 3;

    public static List<QualityFinding> Check(ScriptOutline script, IReadOnlyList<CallTurn> turns, CallEnd end,
        IReadOnlyDictionary<string, string> answers, IReadOnlySet<string> answeredBefore, IReadOnlyList<ForbiddenRule> forbidden)
    {
        var agent = turns.Where(t => t.Speaker == Speaker.Agent).OrderBy(t => t.Index).ToList();
        var findings = new List<QualityFinding> { Identity(agent), Disclosure(agent) };
        if (end == CallEnd.Completed)
            findings.AddRange(RequiredQuestions(script, agent, answers, answeredBefore));
        findings.AddRange(Forbidden(agent, forbidden));
        return findings;
    }

    private static QualityFinding Identity(List<CallTurn> agent)
    {
        var turn = agent.FirstOrDefault(t => IdentityWords.Any(t.Text.Contains));
        return turn is null
            ? Finding(CheckRule.Identity, "", false, null, "通话中没有听到确认身份（“您是本人还是家属”）的话")
            : Finding(CheckRule.Identity, "", true, turn.Index, "已确认身份：" + Clip(turn.Text));
    }

    private static QualityFinding Disclosure(List<CallTurn> agent)
    {
        var turn = agent.Take(DisclosureWithinAgentTurns).FirstOrDefault(t => DisclosureWords.Any(w => t.Text.Contains(w, StringComparison.OrdinalIgnoreCase)));
        return turn is null
            ? Finding(CheckRule.AiDisclosure, "", false, agent.FirstOrDefault()?.Index, "开场没有说明自己是医院的 AI 智能助手")
            : Finding(CheckRule.AiDisclosure, "", true, turn.Index, "已告知 AI 身份：" + Clip(turn.Text));
    }

    /// Walks the script as the answers lead (the first matching branch wins, as in the dialogue engine): every required
    /// question reached must have been asked, or answered before (the call's memory skips it).
    private static IEnumerable<QualityFinding> RequiredQuestions(ScriptOutline script, List<CallTurn> agent,
        IReadOnlyDictionary<string, string> answers, IReadOnlySet<string> answeredBefore)
    {
        var index = script.Questions.Select((q, i) => (q.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var visited = new HashSet<string>();
        var at = 0;
        while (at >= 0 && at < script.Questions.Count && visited.Add(script.Questions[at].Key))
        {
            var question = script.Questions[at];
            var asked = agent.FirstOrDefault(t => t.QuestionKey == question.Key);
            if (question.Required)
            {
                if (asked is not null)
                    yield return Finding(CheckRule.RequiredQuestion, question.Key, true, asked.Index, $"已问“{question.Label}”");
                else if (answeredBefore.Contains(question.Key) || answers.ContainsKey(question.Key))
                    yield return Finding(CheckRule.RequiredQuestion, question.Key, true, null, $"“{question.Label}”本期已答过，按记忆跳过");
                else
                    yield return Finding(CheckRule.RequiredQuestion, question.Key, false, null, $"必问问题“{question.Label}”没有问");
            }
            var next = at + 1;
            if (answers.TryGetValue(question.Key, out var answer) && question.Branches.FirstOrDefault(b => Matches(b.When, answer)) is { Goto: { } target })
                next = target == "closing" ? -1 : index.GetValueOrDefault(target, next);
            at = next;
        }
    }

    private static IEnumerable<QualityFinding> Forbidden(List<CallTurn> agent, IReadOnlyList<ForbiddenRule> rules)
    {
        foreach (var rule in rules)
        {
            var hit = agent.Select(t => (Turn: t, Match: SafeMatch(rule, t.Text))).FirstOrDefault(x => x.Match is not null);
            yield return hit.Turn is null
                ? Finding(CheckRule.Forbidden, rule.Name, true, null, $"没有说出{rule.Name}类禁止内容")
                : Finding(CheckRule.Forbidden, rule.Name, false, hit.Turn.Index, $"说了{rule.Name}类禁止内容：“{hit.Match}”");
        }
    }

    private static string? SafeMatch(ForbiddenRule rule, string text)
    {
        try
        {
            var m = rule.Pattern.Match(text);
            return m.Success ? Mask(m.Value) : null;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// Full numbers in what was matched are shown masked in the finding (it is read by reviewers), the same way as on every
    /// page (Security/Masking): a resident ID as 110101********1234, a phone number as 138****1234.
    private static string Mask(string value) =>
        FullNumber.Replace(value, m => m.Value.Length is 15 or 18 ? Security.Masking.MaskIdNumber(m.Value) : Security.Masking.MaskPhone(m.Value));

    private static readonly System.Text.RegularExpressions.Regex FullNumber =
        new(@"\d{17}[\dXx]|\d{11,16}", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// Same matching as the script's branches: yes/no/uncertain, a comparison, or the choice text.
    public static bool Matches(string when, string answer)
    {
        when = when.Trim();
        answer = Normal(answer.Trim());
        foreach (var op in new[] { ">=", "<=", ">", "<", "=" })
        {
            if (!when.StartsWith(op, StringComparison.Ordinal))
                continue;
            if (!double.TryParse(when[op.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var limit)
                || !double.TryParse(answer.Split('/')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return false;
            return op switch { ">=" => value >= limit, "<=" => value <= limit, ">" => value > limit, "<" => value < limit, _ => value == limit };
        }
        return string.Equals(Normal(when), answer, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normal(string v) => v switch { "是" or "有" => "yes", "否" or "没有" => "no", "不确定" => "uncertain", _ => v };

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static QualityFinding Finding(CheckRule rule, string item, bool passed, int? turn, string detail) =>
        new() { Rule = rule, Item = item, Passed = passed, TurnIndex = turn, Detail = detail };
}
