using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Understanding;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Tasks;

namespace Suifang.Integrations.Calls;

/// The transcript of one call as it grows: numbers the turns, times them from the answer, and turns the conversation's
/// answers into results, sending only those new or changed since the last exchange.
internal sealed class Transcript(Call call, FollowUpTask task, string? period, Func<DateTime> now)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly long _answered = Stopwatch.GetTimestamp();
    private readonly List<int> _patientTurns = [];
    private readonly Dictionary<string, (string Value, string Said, bool Confirmed)> _stored = new(StringComparer.Ordinal);
    private int _next;

    public HashSet<string> UnderstandingSources { get; } = [];
    public List<(int Index, string Text)> PatientTexts { get; } = [];
    public int Exchanges => _patientTurns.Count;
    public int Elapsed => (int)Stopwatch.GetElapsedTime(_answered).TotalMilliseconds;

    public CallExchange Opening(AgentTurn turn) => new(call.Id, [Agent(turn, null)], [], now());

    public CallExchange Exchange(PatientInput input, AgentTurn reply, int listenedFrom, ConversationOutcome outcome, long heard)
    {
        var patient = Patient(input, reply.Understood, listenedFrom);
        var agent = Agent(reply, (int)Stopwatch.GetElapsedTime(heard).TotalMilliseconds);
        var (answers, corrections) = Changed(outcome);
        return new CallExchange(call.Id, [patient, agent], answers) { Corrections = corrections };
    }

    public int? TurnIndexOf(int conversationTurn) =>
        conversationTurn >= 0 && conversationTurn < _patientTurns.Count ? _patientTurns[conversationTurn] : null;

    public string? LastPatientText => PatientTexts.Count > 0 ? PatientTexts[^1].Text : null;

    /// Every answer of the conversation as a result of this call.
    public List<FollowUpResult> Results(ConversationOutcome outcome) => outcome.Answers.Select(Result).ToList();

    public int Turns => _next;

    /// The answers not stored yet, and the stored ones whose value changed, since the last call of this method.
    public (List<FollowUpResult> New, List<FollowUpResult> Corrections) Changed(ConversationOutcome outcome)
    {
        var added = new List<FollowUpResult>();
        var corrected = new List<FollowUpResult>();
        foreach (var a in outcome.Answers)
        {
            var known = _stored.TryGetValue(a.QuestionKey, out var s);
            if (known && s == (a.Value, a.Said, a.Confirmed))
                continue;
            _stored[a.QuestionKey] = (a.Value, a.Said, a.Confirmed);
            (known ? corrected : added).Add(Result(a));
        }
        return (added, corrected);
    }

    private FollowUpResult Result(CollectedAnswer a) => new()
    {
        HospitalId = task.HospitalId, DepartmentId = task.DepartmentId, PatientId = task.PatientId, PlanId = task.PlanId,
        PlanStepId = task.PlanStepId, CallId = call.Id, QuestionKey = a.QuestionKey, Value = Clip(a.Value, 500), Said = Clip(a.Said, 2000),
        Source = ResultSource.AiCall, Period = period, At = now(), TurnIndex = TurnIndexOf(a.Turn), Confirmed = a.Confirmed,
    };

    private CallTurn Agent(AgentTurn turn, int? responseMs)
    {
        var index = _next++;
        var at = Elapsed;
        _lastAgentQuestion = turn.QuestionKey;
        return new CallTurn
        {
            Index = index, Speaker = Speaker.Agent, Text = Clip(turn.Say, 2000), QuestionKey = turn.QuestionKey, At = now(),
            StartMs = at, EndMs = at, ResponseMs = responseMs,
        };
    }

    private CallTurn Patient(PatientInput input, UtteranceUnderstanding? understood, int listenedFrom)
    {
        var index = _next++;
        _patientTurns.Add(index);
        var text = input.Text?.Trim() ?? "";
        if (text.Length > 0)
            PatientTexts.Add((index, text));
        if (understood is not null)
            UnderstandingSources.Add(understood.Source);
        return new CallTurn
        {
            Index = index, Speaker = Speaker.Patient, Text = Clip(text, 2000), Dtmf = input.Dtmf, QuestionKey = _lastAgentQuestion,
            Intent = understood?.Intent.ToString(), Confidence = understood?.Confidence, ValuesJson = ValuesOf(understood),
            At = now(), StartMs = listenedFrom, EndMs = Elapsed,
        };
    }

    private string? _lastAgentQuestion;

    private static string? ValuesOf(UtteranceUnderstanding? u)
    {
        if (u is null || (u.Values.Count == 0 && u.Symptoms.Count == 0 && u.CallBackAt is null))
            return null;
        return JsonSerializer.Serialize(new
        {
            values = u.Values.Select(v => new { type = v.Type.ToString(), v.Surface, v.Number, v.Number2, v.Unit, v.Date, v.Choice }),
            symptoms = u.Symptoms.Select(s => new { s.Term, s.Surface, status = s.Status.ToString() }),
            callBackAt = u.CallBackAt,
        }, Json);
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}
