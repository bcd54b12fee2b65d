namespace Suifang.Integrations.Telephony.Simulated;

/// How a virtual patient of the simulated phone network behaves on the phone.
public enum Persona
{
    /// 恢复良好、配合: answers every question plainly.
    Cooperative = 1,
    /// 发热: reports a temperature of 38.6 ℃ and a red wound.
    Feverish = 2,
    /// 老人耳背: asks for every question to be repeated once, presses keys when offered.
    HardOfHearing = 3,
    /// 家属代答.
    FamilyAnswers = 4,
    /// 患者提问: asks about the medicine once, then answers.
    AsksQuestion = 5,
    /// 要求转人工.
    WantsPerson = 6,
    /// 接通不便: asks to be called tomorrow at 10.
    CallLater = 7,
    /// 打错了.
    WrongNumber = 8,
    /// 拒绝/不愿配合.
    Refuses = 9,
    /// Mentions chest tightness in passing while answering.
    RedFlagInPassing = 10,
    /// 前后矛盾: "没发烧", then "昨天烧到三十九度".
    Contradicts = 11,
    /// 家属告知患者已去世.
    Deceased = 12,
    /// 中途挂断.
    HangsUp = 13,
    /// 空号: the number does not exist.
    InvalidNumber = 14,
    /// 自动留言: a voicemail or call-screening assistant answers with a recorded greeting, then records in silence.
    Voicemail = 15,
    /// 关机: the phone is always switched off (every call, not just now and then).
    PoweredOff = 16,
    /// 停机: the line is suspended (unpaid bill, cancelled).
    OutOfService = 17,
    /// 无人接听: the phone rings and nobody ever answers.
    NoAnswer = 18,
    /// 占线: the line is always busy (a number shared with a shop or a fax).
    Busy = 19,
    /// 辱骂: insults the agent and hangs up.
    Abusive = 20,
}

/// The share of each persona among the numbers (percent) and of each unreached result among the calls of reachable
/// numbers. The defaults give a plausible mix for the demo and the load test.
public sealed class PersonaMix
{
    public Dictionary<Persona, int> Weights { get; init; } = new()
    {
        [Persona.Cooperative] = 36, [Persona.Feverish] = 8, [Persona.HardOfHearing] = 7, [Persona.FamilyAnswers] = 9,
        [Persona.AsksQuestion] = 6, [Persona.WantsPerson] = 3, [Persona.CallLater] = 6, [Persona.WrongNumber] = 2,
        [Persona.Refuses] = 2, [Persona.RedFlagInPassing] = 5, [Persona.Contradicts] = 4, [Persona.Deceased] = 1,
        [Persona.HangsUp] = 2, [Persona.InvalidNumber] = 1, [Persona.Voicemail] = 3, [Persona.PoweredOff] = 1,
        [Persona.OutOfService] = 1, [Persona.NoAnswer] = 1, [Persona.Busy] = 1, [Persona.Abusive] = 1,
    };

    /// Percent of calls of answering personas that are not answered this time (无人接听), busy (占线) or powered off
    /// (关机); the personas above that are never reached come on top of these.
    public int NoAnswerPercent { get; init; } = 12;
    public int BusyPercent { get; init; } = 5;
    public int PoweredOffPercent { get; init; } = 3;

    /// ASR-like character errors (识别错字) in what the patients say, per character, 0–1 (0: none, the default). About
    /// 0.2 is what telephone speech recognition gets on conversational Mandarin; 0.03–0.05 is a good recogniser.
    public double AsrErrorRate { get; init; }

    public static PersonaMix Default { get; } = new();

    /// Every call answered (tests that need a conversation).
    public static PersonaMix AlwaysAnswered(Persona persona) =>
        new() { Weights = new() { [persona] = 1 }, NoAnswerPercent = 0, BusyPercent = 0, PoweredOffPercent = 0 };
}
