using System.Text.RegularExpressions;

namespace Suifang.Agent.Understanding.Chinese;

/// <summary>
/// Rules where rules are reliable: fillers and backchannels (嗯, 好, 啊 — never an answer), and the global intents whose
/// keywords are unmistakable (打错了, 去世, 转人工, 再说一遍, 你是谁 ...). Everything else is left to the classifier and
/// the answer analysis.
/// </summary>
internal static partial class IntentRules
{
    private static readonly (Intent Intent, string[] Words)[] Global =
    [
        (Intent.Abuse, ["神经病", "有病吧", "你有病", "傻逼", "傻b", "去死", "他妈", "妈的", "滚", "混蛋", "王八蛋", "闭嘴", "脑子有病", "烦死了", "骗子", "有毛病", "烦人", "别来烦", "你个头", "有病就去", "少来", "吃饱了撑", "闲得", "废物", "傻子", "屁", "去你的", "破机器", "吃饱了没事干", "有完没完", "白痴", "智障", "滚蛋", "滚开", "饭桶", "缺德", "垃圾", "你大爷", "他娘的", "混账", "笨蛋", "骂人", "破玩意"]),
        (Intent.Deceased, ["去世", "过世", "不在了", "人走了", "已经走了", "人没了", "走了好", "死了", "离世", "没了好几", "走了", "没了", "人不在", "过身", "仙逝", "没挺过", "走的", "埋了", "没抢救过来", "抢救", "火化", "办后事", "丧事"]),
        (Intent.WrongNumber, ["打错", "不认识", "没有这个人", "没这个人", "认错人", "号码错", "找错人", "不是他家", "这里没有叫", "不认得", "不叫这个", "没人住过院", "没这人", "不是这个人", "换号", "没有叫", "没人姓", "登记错", "没听过", "刚换的", "以前是谁", "弄错了", "不认识他", "没有叫这个名字", "刚办的号", "没有住院的人"]),
        (Intent.WantPerson, ["人工", "真人", "找医生", "跟医生说", "让医生", "医生给我打", "护士给我打", "找护士", "活人", "找个人", "让护士", "和医生说", "医生打给我", "叫医生", "叫护士", "机器人说", "跟人说", "真的人", "接电话", "大夫", "管床医生", "叫个人", "录音"]),
        (Intent.WhoAreYou, ["你是谁", "你们是谁", "哪位", "哪里打来", "哪个医院", "你是哪", "什么单位", "机器人吗", "是机器人", "是不是机器", "谁啊", "干什么的", "哪个单位", "你们是哪", "什么事啊", "你哪位", "哪个科室", "哪个部门", "干嘛的", "真人还是", "是人还是机器", "哪家医院"]),
        (Intent.AskRepeat, ["没听清", "听不清", "再说一遍", "再说一次", "重复一下", "大声点", "大点声", "说慢点", "说慢一点", "慢点说", "听不见", "没听懂", "听不懂", "你说什么", "没听明白", "再讲一遍", "说啥", "再说一下", "没听到", "听不太清", "声音太小", "啥意思", "问的啥", "问啥", "什么意思", "记不住", "信号不好", "一样一样问", "没明白", "太快", "慢点", "大声一点", "大声些", "声音好小", "声音小", "重说", "没听见", "没听着", "跟不上", "慢一点讲", "断断续续"]),
        (Intent.Refuse, ["别再打", "不要再打", "不用打", "不想说", "不配合", "不接受", "不想回答", "别打了", "不要打了", "不需要", "没兴趣", "不想聊", "不用回访", "不做回访", "不想做", "拒绝", "不回答", "不说", "别问了", "不想讲", "不用你们管", "不想告诉", "关你们什么事", "不用随访", "关你什么事", "不用你管", "不愿意回答", "一概不接", "号码删了", "不想弄", "别给我打", "不参加"]),
        (Intent.CallLater, ["不方便", "在开车", "在忙", "开会", "晚点", "晚些", "等会再", "等会儿再", "一会再", "一会儿再", "回头再", "过会", "改天", "再打过来", "没空", "在上班", "再打吧", "再打来", "待会", "等一下再", "现在忙", "正忙", "再打", "打来", "开车", "不能接", "在外面", "忙着", "明天吧", "明天再说", "等一刻钟", "今天有事", "正吃饭", "今天累了", "回去再说", "一会儿再说", "没法接", "陪床", "下班以后"]),
        (Intent.FamilyMember, ["我是他", "我是她", "他女儿", "他儿子", "她女儿", "她儿子", "我是家属", "家属", "我妈", "我爸", "老伴", "我是他老婆", "他爱人", "她爱人", "我替他", "我替她", "代他", "代她", "我是他孙", "我是她孙", "我老公", "我老婆", "我爱人", "我丈夫", "我妻子", "我是他媳妇", "他媳妇", "儿媳", "女婿"]),
        (Intent.IsPatient, ["我就是", "是本人", "我本人", "就是我", "是我本人", "我是本人", "本人"]),
    ];

    // Keywords so unmistakable that they decide whatever was asked (the classifier sees them too).
    private static readonly (Intent Intent, string[] Words)[] Strong =
    [
        (Intent.WrongNumber, ["打错了", "打错电话"]),
        (Intent.Deceased, ["去世", "过世"]),
        (Intent.WantPerson, ["转人工", "人工服务", "找人工"]),
        (Intent.AskRepeat, ["再说一遍", "没听清", "听不清"]),
        (Intent.WhoAreYou, ["你是谁", "哪里打来", "哪位"]),
    ];
    private static readonly HashSet<string> WhatDidYouSay = ["啥", "什么", "啥呀", "什么啊", "啊什么", "你说啥", "说啥", "啥啊", "嗯什么"];

    /// <summary>The global intent named by an unmistakable keyword ("打错了", "去世", "转人工"), or null.</summary>
    public static Intent? StrongIntent(string bare) =>
        WhatDidYouSay.Contains(bare) ? Intent.AskRepeat : Strong.Where(g => g.Words.Any(w => bare.Contains(w, StringComparison.Ordinal))).Select(g => (Intent?)g.Intent).FirstOrDefault();

    private static readonly HashSet<string> Backchannels =
    [
        "嗯", "嗯嗯", "嗯嗯嗯", "啊", "啊啊", "哦", "哦哦", "噢", "喔", "呃", "额", "唔", "诶", "欸", "哎", "唉", "好", "好好", "好好好", "嗯好", "哦好",
        "嗯哼", "哼", "喂", "喂喂", "嗯啊", "啊嗯", "好嘞", "行", "嗯行", "哦哦哦", "是吗", "这样啊", "那个", "就是", "然后", "我听着", "你说", "你说吧", "说吧",
    ];

    [GeneratedRegex("[\\s，。！？,.!?、…~～]")]
    private static partial Regex Punctuation();

    /// <summary>The utterance without punctuation and spaces.</summary>
    public static string Bare(string text) => Punctuation().Replace(text, "");

    // Words that only show the line is open and the patient listens; any sequence of them is a filler.
    private static readonly string[] Listening =
    [
        "嗯哼", "嗯呐", "你继续说", "听着呢", "在听", "你说吧", "你说", "你讲", "继续", "谢谢你们", "谢谢你", "谢谢", "辛苦了", "晓得了",
        "晓得", "知道了", "明白了", "明白", "这样啊", "这样子", "是这样", "好嘞", "要得", "你好", "嗯", "啊", "哦", "噢", "喔", "哎",
        "唉", "诶", "欸", "呃", "额", "喂", "哼", "呐", "好",
    ];
    private const string NoiseChars = "嗞哗啦嗡咚咔呼嘟滋沙吱砰嘀轰噼啪";

    /// <summary>A pure backchannel ("嗯", "好", "嗯嗯", "喂 你好", "哦 知道了") — a filler whatever was asked.</summary>
    public static bool IsBackchannel(string bare)
    {
        if (bare.Length == 0 || Backchannels.Contains(bare)) return true;
        if (IsNoise(bare)) return false;
        for (var i = 0; i < bare.Length;)
        {
            var word = Listening.FirstOrDefault(w => string.CompareOrdinal(bare, i, w, 0, w.Length) == 0);
            if (word is null) return false;
            i += word.Length;
        }
        return true;
    }

    /// <summary>"对", "是 是", "好的" said when nothing was asked: only acknowledging, a filler.</summary>
    public static bool IsAcknowledgement(string bare)
    {
        for (var i = 0; i < bare.Length;)
        {
            var word = Listening.Concat(["好的", "对", "是", "行", "中"]).FirstOrDefault(w => string.CompareOrdinal(bare, i, w, 0, w.Length) == 0);
            if (word is null) return false;
            i += word.Length;
        }
        return bare.Length > 0;
    }

    /// <summary>Line noise written out by the recogniser ("嗞嗞嗞", "呃呃呃呃", "哗啦哗啦"): nothing was said.</summary>
    public static bool IsNoise(string bare) =>
        bare.Length >= 2 && bare.All(c => NoiseChars.Contains(c))
        || bare.Length >= 4 && bare.Distinct().Count() == 1;

    /// <summary>The global intent named by an unmistakable keyword, or null.</summary>
    public static Intent? GlobalIntent(string bare)
    {
        foreach (var (intent, words) in Global)
            if (words.Any(w => bare.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                if (intent == Intent.Deceased && (bare.Contains("想死") || bare.Contains("累死") || bare.Contains("疼死") || bare.Contains("吓死"))) continue;
                if (intent == Intent.Refuse && bare.Contains("不需要") && bare.Length > 8) continue;
                return intent;
            }
        return null;
    }

    /// <summary>Every global intent whose keywords appear (cues for the classifier, which weighs them in context).</summary>
    public static IEnumerable<Intent> GlobalCues(string bare) =>
        Global.Where(g => g.Words.Any(w => bare.Contains(w, StringComparison.OrdinalIgnoreCase))).Select(g => g.Intent);

    // "等一下", "我看看", "让我想想", "怎么说呢": the patient holds the line, the answer is still to come (a filler).
    [GeneratedRegex("等一下|等一等|等等|稍等|等会儿?我|你等下|我看一?看|我找一?找|我想一?想|让我想|我数一?数|我查一?查|我问一?问|我翻一?翻|我去拿|我拿一下|怎么说呢|咋说呢|怎么讲呢|来着|那个啥|那什么|我瞅瞅|我瞧瞧")]
    private static partial Regex HoldOnPattern();

    private const string InterjectionChars = "嗯啊哦噢喔呃额唔诶欸哎唉喂哼呐嘛吧呀哈嗨呢好的对是行那个这就然后你说讲听着在";

    /// <summary>Every character is an interjection or a listening word (what fillers are made of).</summary>
    public static bool OnlyInterjections(string bare) => bare.Length > 0 && bare.All(c => InterjectionChars.Contains(c));

    /// <summary>Words that hold the line while the patient looks or thinks.</summary>
    public static bool HoldOn(string bare) => HoldOnPattern().IsMatch(bare);

    [GeneratedRegex("(吗|嘛|么|呢)$|怎么|什么时候|能不能|可不可以|要不要|多久|几天|哪里|怎样|是否|为什么|需不需要|该不该|用不用|会不会|行不行|咋|啥时候|多少钱|请问|哪些|哪个|哪种|哪家|几次|几点|(\\p{IsCJKUnifiedIdeographs})不\\1|(没有|了没|没)$|啥名|是什么|有视频|合适吗|可以吗|(?<!没)啥药|咋办|怎么办|几号|(能|会|要|可以|行)\\p{IsCJKUnifiedIdeographs}{0,4}不$")]
    private static partial Regex QuestionPattern();

    /// <summary>The patient asks something ("药怎么吃", "什么时候复查").</summary>
    public static bool LooksLikeQuestion(string bare) => QuestionPattern().IsMatch(bare);
}
