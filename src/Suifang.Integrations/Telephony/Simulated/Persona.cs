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
}

/// The share of each persona among the numbers (percent) and of each unreached result among the calls of reachable
/// numbers. The defaults give a plausible mix for the demo and the load test.
public sealed class PersonaMix
{
    public Dictionary<Persona, int> Weights { get; init; } = new()
    {
        [Persona.Cooperative] = 41, [Persona.Feverish] = 8, [Persona.HardOfHearing] = 8, [Persona.FamilyAnswers] = 10,
        [Persona.AsksQuestion] = 6, [Persona.WantsPerson] = 3, [Persona.CallLater] = 6, [Persona.WrongNumber] = 2,
        [Persona.Refuses] = 2, [Persona.RedFlagInPassing] = 5, [Persona.Contradicts] = 4, [Persona.Deceased] = 1,
        [Persona.HangsUp] = 2, [Persona.InvalidNumber] = 2,
    };

    /// Percent of calls not answered (无人接听), busy (占线) and powered off (关机/停机).
    public int NoAnswerPercent { get; init; } = 12;
    public int BusyPercent { get; init; } = 5;
    public int PoweredOffPercent { get; init; } = 3;

    public static PersonaMix Default { get; } = new();

    /// Every call answered (tests that need a conversation).
    public static PersonaMix AlwaysAnswered(Persona persona) =>
        new() { Weights = new() { [persona] = 1 }, NoAnswerPercent = 0, BusyPercent = 0, PoweredOffPercent = 0 };
}
