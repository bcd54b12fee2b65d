using Suifang.Agent.Dialogue;

namespace Suifang.Integrations.Telephony.Simulated;

/// A virtual patient: hears the agent's turn (its text and the question key) and replies as its persona would, in
/// varied everyday Chinese. Returns null to hang up.
internal sealed class VirtualPatient(Persona persona, Random random)
{
    private readonly HashSet<string> _repeated = [];
    private readonly HashSet<string> _keys = [];
    private int _questions;
    private int _openings;
    private bool _asked;
    private bool _mentionedRedFlag;
    private bool _deniedFever;

    public Persona Persona => persona;

    public PatientInput? Hear(AgentTurn turn)
    {
        if (persona == Persona.Voicemail)
            return Record();
        return turn.QuestionKey is { } key ? Answer(key, turn) : Respond(turn);
    }

    /// A voicemail: its greeting once (real wordings of carriers' voice mail and of phones' call-screening assistants),
    /// then it records in silence until it stops after a while (hangs up).
    private PatientInput? Record()
    {
        if (++_openings == 1)
            return Say("您好，机主暂时无法接听，请在提示音后留言。",
                "您拨打的用户暂时无法接听，请在嘀声后留言，留言完毕请挂机。",
                "您好，我是机主的智能助理，他现在不方便接听电话，有什么事可以跟我说，我会帮您转告。",
                "你好，我现在不方便接电话，有事请留言，我看到后会尽快回复你。");
        return _openings <= 3 ? PatientInput.Silence : null;
    }

    /// A turn without a question: the greeting with the identity check, a confirmation read back, a reply to a question.
    private PatientInput Respond(AgentTurn turn)
    {
        _openings++;
        if (_openings == 1)
        {
            switch (persona)
            {
                case Persona.WrongNumber: return Say("你打错了吧，我不认识这个人。", "打错了，这里没有这个人。");
                case Persona.Deceased: return Say("他已经去世了，上个月走的。", "老人家已经不在了。");
                case Persona.CallLater: return Say("我现在在开车，不方便，你明天上午十点再打吧。", "现在忙着呢，明天上午十点再打过来吧。");
                case Persona.Refuses: return Say("不需要，别再打了。", "我不需要这种回访，以后别打了。");
                case Persona.Abusive: return Say("你们烦不烦啊，神经病，滚！", "有病吧你们，天天打，滚蛋！");
                case Persona.WantsPerson: return Say("我不想跟机器说话，给我转人工。", "有没有真人？我要找护士。");
                case Persona.FamilyAnswers: return Say("我是他女儿，他耳朵不太好，我替他说吧。", "我是他老伴，有什么事跟我说就行。");
                case Persona.HardOfHearing: return Say("啊？你说啥？大点声。", "喂？听不清楚，你再说一遍。");
            }
        }
        if (persona == Persona.HardOfHearing && _openings == 2)
            return Say("哦，是我，是我。", "对对，我就是。");
        if (turn.Say.Contains("对吗", StringComparison.Ordinal) || turn.Say.Contains("是吗", StringComparison.Ordinal))
            return Say("对。", "是的，没错。", "对的。");
        if (_openings == 1)
            return Say("是我。", "对，我就是。", "嗯，是本人。", "是我，你说吧。");
        return Say("好的。", "嗯，知道了。", "好，谢谢你们。");
    }

    private PatientInput? Answer(string key, AgentTurn turn)
    {
        _questions++;
        if (persona == Persona.HardOfHearing && _repeated.Add(key))
            return Say("什么？听不清，你再说一遍。", "你说慢一点，我没听明白。");
        if (persona == Persona.HardOfHearing && turn.AcceptsDtmf)
            return PatientInput.Pressed("2");
        // Hangs up midway: answers two questions (and their read-backs), then puts the phone down at the third.
        if (persona == Persona.HangsUp && _keys.Count >= 2 && !_keys.Contains(key))
            return null;
        _keys.Add(key);
        if (persona == Persona.AsksQuestion && _questions == 2 && !_asked)
        {
            _asked = true;
            return Say("我想问一下，出院带的药是饭前吃还是饭后吃？", "对了，我什么时候要回医院复查？");
        }
        if (persona == Persona.WantsPerson && _questions == 2)
            return Say("你这个说不清楚，我要找人工。");
        var value = Value(key, turn.Say);
        if (persona == Persona.RedFlagInPassing && !_mentionedRedFlag && IsYesNo(key, turn.Say))
        {
            _mentionedRedFlag = true;
            return Say(value + "就是这两天胸口有点闷，喘不上气。");
        }
        return Say(value);
    }

    private string Value(string key, string say)
    {
        bool Has(string k, string words) => key.Contains(k, StringComparison.OrdinalIgnoreCase) || say.Contains(words, StringComparison.Ordinal);
        if (Has("temperature", "体温"))
        {
            if (persona == Persona.Feverish)
                return Pick("三十八度六。", "量了是三十八度六。");
            if (persona == Persona.Contradicts && !_deniedFever)
            {
                _deniedFever = true;
                return "没发烧，三十六度八。";
            }
            return Pick("三十六度五。", "正常的，三十六度七。", "三十六度八吧。");
        }
        // A pain score ("几分"), not a yes/no question about a pain (chest_pain) nor a duration ("几分钟").
        if (key.Contains("pain_score", StringComparison.OrdinalIgnoreCase) || (say.Contains("几分", StringComparison.Ordinal) && !say.Contains("分钟", StringComparison.Ordinal)))
            return persona == Persona.Feverish ? "有五分吧。" : Pick("两分吧。", "一分，基本不疼了。", "三分。");
        if (Has("systolic", "高压"))
            return Pick("一百三十。", "高压一百二十八。", "一百三十五。");
        if (Has("diastolic", "低压"))
            return Pick("八十五。", "低压八十。", "八十二。");
        if (Has("heart_rate", "心率"))
            return Pick("七十二。", "七十几次。", "七十五次。");
        if (Has("glucose", "血糖"))
            return Pick("六点八。", "空腹七点二。");
        if (Has("weight", "体重"))
            return Pick("六十五公斤。", "一百三十斤。");
        if (Has("medication", "按时"))
            return Pick("每天都按时吃的。", "按时吃的，没漏过。");
        if (Has("satisfaction", "满意"))
            return Pick("挺满意的。", "满意，护士都很好。");
        if (persona == Persona.Feverish && Has("wound", "伤口"))
            return Pick("伤口有点红，摸着有点热。", "有一点红肿。");
        if (persona == Persona.Contradicts && _deniedFever && Has("fever", "烧"))
            return "昨天烧到三十九度。";
        return Pick("没有。", "没有的。", "这个没有。", "没有，挺好的。", "不会，没有这种情况。");
    }

    private static bool IsYesNo(string key, string say) =>
        !say.Contains("多少", StringComparison.Ordinal) && !say.Contains("几", StringComparison.Ordinal) && !key.Contains("temperature", StringComparison.Ordinal);

    private PatientInput Say(params string[] variants) => PatientInput.Said(Pick(variants));

    private string Pick(params string[] variants) => variants[random.Next(variants.Length)];
}
