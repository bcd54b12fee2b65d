using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Scripts;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;

namespace Suifang.Testing.Quality;

/// Writes finished AI calls straight into a database for the quality-control tests: a script version with three
/// questions (temperature; wound redness, whose "no" ends the questions; pain score), and calls that say what a test
/// needs — the opening with or without the AI disclosure, the identity check, questions and answers, forbidden words.
public sealed class QualityCalls(Func<SuifangDbContext> newContext, int hospitalId, int campusId)
{
    public const string ScriptKey = "qc-wound";

    public const string ScriptJson = """
        {"key":"qc-wound","name":"质检测试话术","opening":"{patient}您好，我是{hospital}的AI智能随访助手。","identityCheck":"请问您是{patient}本人，还是家属呢？",
         "questions":[
          {"key":"temperature","label":"体温","text":"您最近一次量的体温是多少度？","type":"Number"},
          {"key":"wound_redness","label":"伤口红肿","text":"伤口周围有没有发红、肿起来？","type":"YesNo","branches":[{"when":"no","goto":"closing"}]},
          {"key":"pain_score","label":"疼痛评分","text":"疼痛打几分？","type":"Score"},
          {"key":"remark","label":"其他","text":"还有别的情况吗？","type":"Text","required":false}
         ],"closing":"感谢您的配合，再见。"}
        """;

    public async Task ScriptAsync(int departmentId, DateTime now)
    {
        await using var db = newContext();
        db.Scripts.Add(new ScriptRecord
        {
            HospitalId = hospitalId, DepartmentId = departmentId, Key = ScriptKey, Version = 1, Name = "质检测试话术",
            Status = ScriptStatus.Published, Json = ScriptJson, CreatedAt = now, FirstUsedAt = now,
        });
        await db.SaveChangesAsync();
    }

    /// One exchange: what the agent said (asking a question key or not), what the patient answered, and the answer stored.
    public sealed record Exchange(string Agent, string? QuestionKey = null, string? Patient = null, string? Value = null);

    public static readonly Exchange[] Opening =
    [
        new("张三您好，我是测试医院的AI智能随访助手。"),
        new("请问您是张三本人，还是家属呢？", null, "我是本人"),
    ];

    /// A complete call that asks everything the script asks, with these answers.
    public static Exchange[] Complete(string temperature = "36.8", string redness = "yes", string pain = "2") =>
    [
        .. Opening,
        new("您最近一次量的体温是多少度？", "temperature", "三十六度八", temperature),
        new("伤口周围有没有发红、肿起来？", "wound_redness", redness == "yes" ? "有点红" : "没有", redness),
        new("疼痛打几分？", "pain_score", "两分吧", pain),
        new("感谢您的配合，再见。"),
    ];

    public async Task<long> CallAsync(long patientId, int departmentId, DateTime endedAt, CallEnd end, IReadOnlyList<Exchange> exchanges,
        TodoKind? todo = null, string? recording = null)
    {
        await using var db = newContext();
        var task = new FollowUpTask
        {
            HospitalId = hospitalId, CampusId = campusId, PatientId = patientId, DepartmentId = departmentId, Channel = ChannelKind.AiCall,
            Queue = TaskQueues.AiCall, State = TaskState.Completed, DueFrom = endedAt, DueTo = endedAt.AddDays(1), NextAttemptAt = endedAt,
            IdempotencyKey = "qc:" + Guid.NewGuid().ToString("N"), CreatedAt = endedAt, UpdatedAt = endedAt,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        var call = new Call
        {
            HospitalId = hospitalId, CampusId = campusId, DepartmentId = departmentId, PatientId = patientId, TaskId = task.Id, AttemptNumber = 1,
            EffectKey = "qc:" + Guid.NewGuid().ToString("N"), ScriptKey = ScriptKey, ScriptVersion = 1, Telephony = "模拟电话网络", Simulated = true,
            NumberCipher = "cipher", NumberMasked = "138****0000", Status = CallStatus.Ended, StartedAt = endedAt.AddMinutes(-3),
            AnsweredAt = endedAt.AddMinutes(-3), EndedAt = endedAt, End = end, RecordingPath = recording, Summary = "测试通话",
        };
        var index = 0;
        var answered = new List<(Exchange Exchange, int Turn)>();
        foreach (var e in exchanges)
        {
            call.Turns.Add(new CallTurn { Index = index++, Speaker = Speaker.Agent, Text = e.Agent, QuestionKey = e.QuestionKey, At = endedAt });
            if (e.Patient is null)
                continue;
            if (e.Value is not null && e.QuestionKey is not null)
                answered.Add((e, index));
            call.Turns.Add(new CallTurn { Index = index++, Speaker = Speaker.Patient, Text = e.Patient, QuestionKey = e.QuestionKey, At = endedAt, ValuesJson = "{}" });
        }
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        foreach (var (e, turn) in answered)
            db.FollowUpResults.Add(new FollowUpResult
            {
                HospitalId = hospitalId, DepartmentId = departmentId, PatientId = patientId, CallId = call.Id, QuestionKey = e.QuestionKey!,
                Value = e.Value!, Said = e.Patient ?? "", Source = ResultSource.AiCall, At = endedAt, TurnIndex = turn,
            });
        if (todo is { } kind)
            db.Todos.Add(new TodoItem
            {
                HospitalId = hospitalId, DepartmentId = departmentId, PatientId = patientId, Kind = kind, Urgency = TodoUrgency.Normal,
                Reason = "测试", Source = "ai-call", CallId = call.Id, CreatedAt = endedAt,
            });
        await db.SaveChangesAsync();
        return call.Id;
    }
}
