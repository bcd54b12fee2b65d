using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony.Simulated;

namespace Suifang.Integrations.Tests.Calls;

/// The simulated phone network (模拟电话网络): deterministic from its seed, with the personas' behaviour.
public sealed class SimulatedNetworkTests
{
    private static readonly CallRequest Request = new("task:1:attempt:1", TimeSpan.FromSeconds(30));

    private static async Task<List<string>> ConverseAsync(SimulatedTelephony network, string number, params AgentTurn[] turns)
    {
        var dial = await network.DialAsync(number, Request, CancellationToken.None);
        var replies = new List<string>();
        await using var call = dial.Call!;
        foreach (var turn in turns)
        {
            await call.SaySync(turn);
            var input = await call.ListenAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            replies.Add(input.Text ?? "按键" + input.Dtmf);
        }
        return replies;
    }

    private static readonly AgentTurn[] Questions =
    [
        new("您好，我是测试医院的AI随访助手。请问您是张三本人吗？"),
        new("您最近一次量的体温是多少度？", QuestionKey: "temperature"),
        new("伤口周围有没有发红？", QuestionKey: "wound_redness", AcceptsDtmf: true),
    ];

    [Fact]
    public async Task The_same_seed_gives_the_same_personas_outcomes_and_words()
    {
        var numbers = Enumerable.Range(0, 200).Select(i => $"1390000{i:D4}").ToList();
        var a = new SimulatedTelephony(42);
        var b = new SimulatedTelephony(42);
        Assert.Equal(numbers.Select(a.PersonaOf), numbers.Select(b.PersonaOf));
        var reached = numbers.First(n => a.PersonaOf(n) == Persona.Cooperative);
        Assert.Equal(await ConverseAsync(a, reached, Questions), await ConverseAsync(b, reached, Questions));
        Assert.NotEqual(numbers.Select(a.PersonaOf), numbers.Select(new SimulatedTelephony(43).PersonaOf));
    }

    [Fact]
    public async Task Unreached_calls_come_in_the_set_proportions()
    {
        var network = new SimulatedTelephony(1, new PersonaMix { Weights = new() { [Persona.Cooperative] = 1 }, NoAnswerPercent = 20, BusyPercent = 10, PoweredOffPercent = 10 });
        var results = new List<DialResult>();
        for (var i = 0; i < 1000; i++)
            results.Add(await network.DialAsync($"1380000{i:D4}", Request, CancellationToken.None));
        Assert.InRange(results.Count(r => r.NotReached == NotReachedReason.NoAnswer), 150, 250);
        Assert.InRange(results.Count(r => r.NotReached == NotReachedReason.Busy), 60, 140);
        Assert.InRange(results.Count(r => r.NotReached == NotReachedReason.PoweredOff), 60, 140);
    }

    [Fact]
    public async Task An_elderly_patient_asks_for_a_repeat_then_answers_by_key_press()
    {
        var network = new SimulatedTelephony(5, PersonaMix.AlwaysAnswered(Persona.HardOfHearing));
        var replies = await ConverseAsync(network, "13900001111", Questions[0], Questions[2], Questions[2]);
        Assert.Contains(replies[1], new[] { "什么？听不清，你再说一遍。", "你说慢一点，我没听明白。" });
        Assert.Equal("按键2", replies[2]);
    }

    [Theory]
    [InlineData(Persona.WrongNumber, "打错")]
    [InlineData(Persona.Deceased, "不在了|去世")]
    [InlineData(Persona.CallLater, "明天上午十点")]
    [InlineData(Persona.FamilyAnswers, "女儿|老伴")]
    [InlineData(Persona.WantsPerson, "人工|护士")]
    public async Task A_persona_says_what_it_is_at_the_greeting(Persona persona, string pattern)
    {
        var network = new SimulatedTelephony(9, PersonaMix.AlwaysAnswered(persona));
        var replies = await ConverseAsync(network, "13900002222", Questions[0]);
        Assert.Matches(pattern, replies[0]);
    }

    [Fact]
    public async Task A_patient_who_hangs_up_midway_stops_replying()
    {
        var network = new SimulatedTelephony(9, PersonaMix.AlwaysAnswered(Persona.HangsUp));
        var dial = await network.DialAsync("13900003333", Request, CancellationToken.None);
        var call = dial.Call!;
        foreach (var turn in Questions)
            await call.SaySync(turn);
        Assert.False(call.HungUp);
        await call.SaySync(new AgentTurn("最近有没有胸口疼或者胸闷？", QuestionKey: "chest_pain"));
        Assert.True(call.HungUp);
        Assert.True((await call.ListenAsync(TimeSpan.FromSeconds(1), CancellationToken.None)).IsSilence);
    }
}

internal static class PhoneCallExtensions
{
    public static Task SaySync(this IPhoneCall call, AgentTurn turn) => call.SayAsync(turn, CancellationToken.None);
}

/// The personas added for issue #4's list: voicemail, never reached (关机, 停机, 无人接听, 占线), abusive; and ASR-like errors.
public sealed class SimulatedPersonaTests
{
    private static readonly CallRequest Request = new("task:1:attempt:1", TimeSpan.FromSeconds(30));
    private static readonly AgentTurn Greeting = new("您好，我是测试医院的AI随访助手。请问您是张三本人吗？");

    [Theory]
    [InlineData(Persona.PoweredOff, NotReachedReason.PoweredOff, "关机")]
    [InlineData(Persona.OutOfService, NotReachedReason.OutOfService, "停机")]
    [InlineData(Persona.NoAnswer, NotReachedReason.NoAnswer, "无人接听")]
    [InlineData(Persona.Busy, NotReachedReason.Busy, "通话中")]
    [InlineData(Persona.InvalidNumber, NotReachedReason.InvalidNumber, "空号")]
    public async Task A_never_reached_persona_gives_its_unreached_reason_on_every_call(Persona persona, NotReachedReason reason, string said)
    {
        var network = new SimulatedTelephony(3, PersonaMix.AlwaysAnswered(persona));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var dial = await network.DialAsync("13900004444", new CallRequest($"task:1:attempt:{attempt}", TimeSpan.FromSeconds(30)), CancellationToken.None);
            Assert.Null(dial.Call);
            Assert.Equal(reason, dial.NotReached);
            Assert.Contains(said, dial.Detail);
        }
    }

    [Fact]
    public async Task A_voicemail_plays_a_recorded_greeting_then_records_in_silence_and_stops()
    {
        var network = new SimulatedTelephony(3, PersonaMix.AlwaysAnswered(Persona.Voicemail));
        await using var call = (await network.DialAsync("13900005555", Request, CancellationToken.None)).Call!;
        await call.SayAsync(Greeting, CancellationToken.None);
        var greeting = await call.ListenAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Matches("留言|转告", greeting.Text!);
        var heard = new List<bool>();
        for (var i = 0; i < 4 && !call.HungUp; i++)
        {
            await call.SayAsync(new AgentTurn("喂，您好，您能听到我说话吗？"), CancellationToken.None);
            heard.Add((await call.ListenAsync(TimeSpan.FromSeconds(5), CancellationToken.None)).IsSilence);
        }
        Assert.All(heard, Assert.True);
        Assert.True(call.HungUp);
    }

    [Fact]
    public async Task An_abusive_patient_insults_at_the_greeting()
    {
        var network = new SimulatedTelephony(3, PersonaMix.AlwaysAnswered(Persona.Abusive));
        await using var call = (await network.DialAsync("13900006666", Request, CancellationToken.None)).Call!;
        await call.SayAsync(Greeting, CancellationToken.None);
        Assert.Matches("滚|有病|神经病", (await call.ListenAsync(TimeSpan.FromSeconds(5), CancellationToken.None)).Text!);
    }

    [Fact]
    public void The_demo_mix_has_every_persona_and_its_weights_are_percentages()
    {
        var weights = PersonaMix.Default.Weights;
        Assert.Equal(100, weights.Values.Sum());
        Assert.Equal(Enum.GetValues<Persona>().Order(), weights.Keys.Order());
        Assert.All(weights.Values, w => Assert.True(w > 0));
        // Most numbers belong to patients who answer and take part (the demo shows completed follow-ups).
        Assert.True(weights[Persona.Cooperative] >= 30);
        Assert.Equal(0, PersonaMix.Default.AsrErrorRate);
    }

    [Fact]
    public void Asr_errors_swap_near_sounds_or_drop_characters_at_about_the_set_rate()
    {
        const string said = "没有发烧，伤口也不疼，体温三十六度五。";
        var han = said.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var changed = 0;
        var random = new Random(1);
        var heard = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var text = AsrNoise.Apply(said, 0.1, random);
            heard.Add(text);
            changed += text.Length != said.Length ? said.Length - text.Length : text.Zip(said).Count(p => p.First != p.Second);
        }
        Assert.InRange(changed / (400.0 * han), 0.04, 0.12);
        Assert.Contains(heard, h => h.Contains("发骚", StringComparison.Ordinal) || h.Contains("发稍", StringComparison.Ordinal));
        Assert.Contains(heard, h => h.Contains("商口", StringComparison.Ordinal) || h.Contains("上口", StringComparison.Ordinal));
        Assert.Contains(heard, h => h.Length < said.Length);
        Assert.All(heard, h => Assert.EndsWith("。", h));
        Assert.Equal(said, AsrNoise.Apply(said, 0, random));
    }

    [Fact]
    public async Task Asr_errors_are_reproducible_from_the_seed_and_leave_the_patients_choices_alone()
    {
        async Task<List<string>> Run(double rate)
        {
            var network = new SimulatedTelephony(21, new PersonaMix { Weights = new() { [Persona.Feverish] = 1 }, NoAnswerPercent = 0, BusyPercent = 0, PoweredOffPercent = 0, AsrErrorRate = rate });
            await using var call = (await network.DialAsync("13900007777", Request, CancellationToken.None)).Call!;
            var replies = new List<string>();
            foreach (var turn in new[] { Greeting, new AgentTurn("您最近一次量的体温是多少度？", QuestionKey: "temperature"), new AgentTurn("伤口周围有没有发红？", QuestionKey: "wound_redness") })
            {
                await call.SayAsync(turn, CancellationToken.None);
                replies.Add((await call.ListenAsync(TimeSpan.FromSeconds(5), CancellationToken.None)).Text!);
            }
            return replies;
        }
        Assert.Equal(await Run(0.3), await Run(0.3));
        var clean = await Run(0);
        var noisy = await Run(0.3);
        Assert.NotEqual(clean, noisy);
        // The same replies were chosen; only what the "recogniser" heard differs (never longer than what was said).
        Assert.All(clean.Zip(noisy), p => Assert.True(p.Second.Length <= p.First.Length));
    }
}
