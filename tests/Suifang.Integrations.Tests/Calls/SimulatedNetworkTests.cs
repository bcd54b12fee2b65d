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
        foreach (var turn in Questions.Concat(Questions.Skip(1)))
            await call.SaySync(turn);
        Assert.True(call.HungUp);
        Assert.True((await call.ListenAsync(TimeSpan.FromSeconds(1), CancellationToken.None)).IsSilence);
    }
}

internal static class PhoneCallExtensions
{
    public static Task SaySync(this IPhoneCall call, AgentTurn turn) => call.SayAsync(turn, CancellationToken.None);
}
