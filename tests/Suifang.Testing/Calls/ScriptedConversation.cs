using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Testing.Calls;

internal sealed class ScriptedConversation(Script script, ConversationSetup setup, int? throwOnReply) : IConversation
{
    private readonly List<CollectedAnswer> _answers = [];
    private readonly List<Escalation> _escalations = [];
    private CallEnding _ending = CallEnding.InProgress;
    private DateTime? _callBack;
    private bool _family;
    private int _question = -1; // -1: identity check
    private int _turn = -1;
    private int _silences;

    public ConversationOutcome Outcome => new()
    {
        Ending = _ending, Answers = _answers.ToList(), Escalations = _escalations.ToList(), CallBackAt = _callBack,
        AnsweredByFamily = _family, Summary = $"测试对话：{_answers.Count} 个回答",
    };

    public AgentTurn Open() => new(Fill(script.Opening) + Fill(script.IdentityCheck));

    public AgentTurn Reply(PatientInput input)
    {
        _turn++;
        if (throwOnReply == _turn + 1)
            throw new InvalidOperationException("测试：对话引擎出错");
        var text = input.Text ?? "";
        var understood = new UtteranceUnderstanding { Text = text, Intent = Intent.Unknown, Confidence = 1, Source = "test-double" };
        if (input.IsSilence)
            return ++_silences >= 2 ? End(CallEnding.NoResponse, "好像听不到您说话，我们稍后再联系您，再见。", understood) : Ask(understood, slow: true);
        if (Has(text, "打错", "不认识"))
            return End(CallEnding.WrongNumber, "不好意思，打扰您了，再见。", understood with { Intent = Intent.WrongNumber });
        if (Has(text, "去世", "不在了"))
            return End(CallEnding.Deceased, "非常抱歉听到这个消息，请您节哀。打扰了，再见。", understood with { Intent = Intent.Deceased });
        // Refusal first: "别再打了" contains "再打" but is no call-back.
        if (Has(text, "别再打", "别打", "不需要"))
            return End(CallEnding.Refused, "好的，打扰您了，再见。", understood with { Intent = Intent.Refuse });
        if (Has(text, "再打", "不方便"))
        {
            _callBack = Has(text, "明天") ? setup.Now.Date.AddDays(1).AddHours(10) : null;
            return End(CallEnding.CallLater, "好的，我们到时候再联系您，再见。", understood with { Intent = Intent.CallLater, CallBackAt = _callBack });
        }
        if (Has(text, "人工", "找护士", "真人"))
        {
            _escalations.Add(new Escalation("handoff", "患者要求转人工", text, _turn, Urgent: true));
            return End(CallEnding.HandedOff, "好的，稍后请护士给您回电话，再见。", understood with { Intent = Intent.WantPerson });
        }
        if (Has(text, "听不清", "再说一遍", "你说啥"))
            return Ask(understood with { Intent = Intent.AskRepeat }, slow: true);
        if (Has(text, "想问", "什么时候要", "？"))
        {
            _escalations.Add(new Escalation("unanswered-question", "患者的问题需要护士回答", text, _turn, Urgent: false));
            return Ask(understood with { Intent = Intent.Question }, prefix: "这个问题我记下了，护士会回电话告诉您。");
        }
        if (Has(text, "胸口", "喘不上气"))
            _escalations.Add(new Escalation("red-flag", "通话中提到胸闷气短", text, _turn, Urgent: true));
        if (_question < 0)
        {
            _family = Has(text, "女儿", "老伴", "家属", "儿子");
            _question = 0;
            return Ask(understood with { Intent = _family ? Intent.FamilyMember : Intent.IsPatient });
        }
        var q = script.Questions[_question];
        var value = input.Dtmf is { } d && q.Dtmf.TryGetValue(d, out var v) ? v : ValueOf(q, text);
        _answers.RemoveAll(a => a.QuestionKey == q.Key);
        _answers.Add(new CollectedAnswer(q.Key, value, input.Dtmf is null ? text : "按键" + input.Dtmf, _turn));
        _question++;
        return Ask(understood with { Intent = Intent.Inform });
    }

    private AgentTurn Ask(UtteranceUnderstanding understood, bool slow = false, string prefix = "")
    {
        if (_question < 0)
            return new AgentTurn(prefix + Fill(script.IdentityCheck), Slow: slow, Understood: understood);
        if (_question >= script.Questions.Count)
            return End(CallEnding.Completed, Fill(script.Closing), understood);
        var q = script.Questions[_question];
        return new AgentTurn(prefix + (slow ? q.Rephrase ?? q.Text : q.Text), slow, q.Dtmf.Count > 0, Understood: understood, QuestionKey: q.Key);
    }

    private AgentTurn End(CallEnding ending, string say, UtteranceUnderstanding understood)
    {
        _ending = ending;
        return new AgentTurn(say, EndsCall: true, Understood: understood);
    }

    private string Fill(string s) => s.Replace("{patient}", setup.PatientName, StringComparison.Ordinal)
        .Replace("{hospital}", setup.Hospital, StringComparison.Ordinal).Replace("{department}", setup.Department ?? "", StringComparison.Ordinal);

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static string ValueOf(ScriptQuestion q, string text) => q.Type switch
    {
        AnswerType.YesNo => Has(text, "没", "不") ? "no" : Has(text, "有", "是", "对", "红") ? "yes" : "uncertain",
        AnswerType.Number or AnswerType.Score => ChineseNumber.Find(text)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? text,
        _ => text,
    };
}
