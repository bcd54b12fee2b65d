using Suifang.Agent.Dialogue;
using Suifang.Agent.Telephony;

namespace Suifang.Integrations.Calls;

/// What the agent says to a caller it cannot continue a follow-up with: plain, short and polite (8.1.1, 8.3.2); it says
/// it is the hospital's AI assistant and that a person will call back.
internal static class InboundWords
{
    public const string Thanks = "您好，感谢您回电。";

    public static string Unknown(string hospital) =>
        $"您好，这里是{hospital}随访中心的AI助手。暂时没有查到这个号码的随访安排，我们已经记下您的来电，工作人员会尽快给您回电。再见。";

    public static string NothingPending(string hospital) =>
        $"您好，这里是{hospital}随访中心的AI助手。目前没有需要您回复的随访，我们已经记下您的来电，护士会尽快给您回电。祝您身体健康，再见。";

    public static string Busy(string hospital) =>
        $"您好，这里是{hospital}随访中心的AI助手。我们正在为您安排随访电话，请稍后留意接听。再见。";

    public static string Withheld(string hospital) =>
        $"您好，这里是{hospital}随访中心的AI助手。您的号码没有显示，我们无法查到您的随访安排，请用登记的手机号码回电。再见。";
}

/// Several patients share the caller's number (a family) and more than one has a follow-up waiting: the agent names
/// them and the caller presses a key or says the name. Returns the index chosen, or null (then the oldest is taken).
internal static class InboundChoice
{
    public static async Task<int?> AskAsync(IPhoneCall call, string hospital, IReadOnlyList<string> names, int listenSeconds, CancellationToken ct)
    {
        var options = string.Join("，", names.Take(9).Select((n, i) => $"{n}请按{i + 1}"));
        var ask = $"您好，这里是{hospital}随访中心的AI助手，感谢您回电。这个号码登记了几位患者，请问您是为哪一位回电？{options}。";
        for (var round = 0; round < 2 && !call.HungUp; round++)
        {
            await call.SayAsync(new AgentTurn(round == 0 ? ask : "不好意思，没有听清。" + options + "。", AcceptsDtmf: true), ct);
            var input = await call.ListenAsync(TimeSpan.FromSeconds(listenSeconds), ct);
            if (Pick(input, names) is { } chosen)
                return chosen;
        }
        return null;
    }

    public static int? Pick(PatientInput input, IReadOnlyList<string> names)
    {
        if (input.Dtmf is { Length: > 0 } keys && int.TryParse(keys[..1], out var key) && key >= 1 && key <= Math.Min(9, names.Count))
            return key - 1;
        var text = input.Text ?? "";
        var byName = Enumerable.Range(0, names.Count).Where(i => text.Contains(names[i], StringComparison.Ordinal)).ToList();
        if (byName.Count == 1)
            return byName[0];
        // A given name alone ("建国") is enough when it fits one patient only.
        var byGiven = Enumerable.Range(0, names.Count).Where(i => names[i].Length > 1 && text.Contains(names[i][1..], StringComparison.Ordinal)).ToList();
        return byGiven.Count == 1 ? byGiven[0] : null;
    }
}
