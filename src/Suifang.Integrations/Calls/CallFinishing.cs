using Microsoft.EntityFrameworkCore;
using Suifang.Agent.Dialogue;
using Suifang.Core.Calls;
using Suifang.Core.Calls.Journal;
using Suifang.Core.Calls.Triggers;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;

namespace Suifang.Integrations.Calls;

/// What an ended conversation leaves behind: the ending, the answers, the to-dos of the step's triggers and of the
/// conversation's escalations, and the marks on the patient (wrong number, uncooperative, deceased).
internal static class CallFinishing
{
    public static CallFinish FromConversation(ConversationOutcome? outcome, Transcript transcript, CallContext context, string? recording,
        string? failure, bool hungUp, CallingSchedule schedule, FollowUpTask task, long callId, DateTime now, string? languageModel = null)
    {
        var ending = outcome?.Ending ?? CallEnding.InProgress;
        var end = failure is null ? EndOf(ending) : CallEnd.Interrupted;
        var answers = outcome is null ? [] : transcript.Results(outcome);
        var (unstored, corrections) = outcome is null ? ([], []) : transcript.Changed(outcome);
        var todos = new List<TodoItem>();
        todos.AddRange(TriggerTodos(context, task, answers, now));
        foreach (var e in outcome?.Escalations ?? [])
            todos.Add(EscalationTodo(e, transcript, task, now));
        if (end == CallEnd.HandedOff && !todos.Any(t => t.Kind == TodoKind.Handoff))
            todos.Add(Todo(task, TodoKind.Handoff, TodoUrgency.Urgent, "患者要求转人工，请尽快回电", transcript.LastPatientText, null, null, now));

        var said = transcript.LastPatientText ?? "";
        PatientCallFlag? flag = end switch
        {
            CallEnd.WrongNumber => Flag(task, CallFlagKind.WrongNumber, context.PhoneIndex, $"接听人说打错了（“{said}”）", now),
            CallEnd.Refused => Flag(task, CallFlagKind.Uncooperative, null, $"通话中拒绝随访（“{said}”），不再 AI 外呼", now),
            CallEnd.Deceased => Flag(task, CallFlagKind.Deceased, null, $"接听人告知患者已去世（“{said}”）", now),
            _ => null,
        };
        // 5.3.5: a person checks what the AI was told before anything else happens to the patient.
        if (end == CallEnd.WrongNumber)
            todos.Add(Todo(task, TodoKind.VerifyNumber, TodoUrgency.Normal,
                $"接听人说打错了：请核实并更正患者的联系电话（{context.PhoneMasked}）。更正前不再对该号码外呼或发短信，本次随访已转为人工随访。",
                transcript.LastPatientText, Last(transcript), null, now));
        if (end == CallEnd.Deceased)
            todos.Add(Todo(task, TodoKind.VerifyDeceased, TodoUrgency.Normal,
                "接听人告知患者已去世：随访计划已停止、未完成的任务已取消。请核实后在患者档案中登记，如属误报请清除标记并恢复随访。",
                transcript.LastPatientText, Last(transcript), null, now));
        var detail = end switch
        {
            CallEnd.Interrupted when failure is not null => failure,
            CallEnd.Interrupted => hungUp ? "对方中途挂断" : "通话未正常结束",
            CallEnd.Voicemail => "语音信箱或自动应答接听，已留言",
            CallEnd.CallLater => null,
            _ => null,
        };
        DateTime? callBack = null;
        if (end == CallEnd.CallLater)
        {
            var wanted = outcome?.CallBackAt is { } at && at > now ? at : now.AddHours(2);
            callBack = schedule.NextCallMoment(wanted) ?? wanted;
            detail = $"约定 {callBack:MM-dd HH:mm} 再打";
        }
        return new CallFinish
        {
            CallId = callId, End = end, EndedAt = now, Detail = detail, CallBackAt = callBack,
            AnsweredByFamily = outcome?.AnsweredByFamily ?? false, RecordingPath = recording,
            UnderstandingSource = transcript.UnderstandingSources.Count == 0 ? null : string.Join(",", transcript.UnderstandingSources.Order()),
            UnderstandingModel = UnderstandingModelStamp.Describe(transcript.UnderstandingSources, languageModel),
            TriggerRulesVersion = TriggerRulesVersion.Of(context.Triggers),
            Summary = string.IsNullOrWhiteSpace(outcome?.Summary) ? $"{CallText.End(end)}；收集回答 {answers.Count} 项" : outcome!.Summary,
            Answers = unstored, Corrections = corrections, Turns = transcript.Turns, Todos = todos, Flag = flag,
            Stop = end == CallEnd.Deceased ? new PlanStop(task.PatientId, task.Id, $"AI 外呼（通话 {callId}）中接听人告知患者已去世：“{said}”") : null,
        };
    }

    /// The conversation's ending as the call's (5.3.5): 1–9 keep their number; 中断 and an unfinished conversation are Interrupted.
    public static CallEnd EndOf(CallEnding ending) => ending switch
    {
        CallEnding.InProgress or CallEnding.Interrupted => CallEnd.Interrupted,
        _ => (CallEnd)(int)ending,
    };

    /// A call cut off by a stop of the node: closed as interrupted; the triggers read the answers stored before the stop.
    public static async Task<CallFinish> InterruptedAsync(Func<SuifangDbContext> newContext, Call call, CallContext context, FollowUpTask task,
        DateTime now, CancellationToken ct)
    {
        List<FollowUpResult> stored;
        int turns;
        await using (var db = newContext())
        {
            stored = await db.FollowUpResults.AsNoTracking().Where(r => r.CallId == call.Id).ToListAsync(ct);
            turns = await db.CallTurns.CountAsync(t => t.CallId == call.Id, ct);
        }
        var existingTodos = new List<TodoItem>();
        await using (var db = newContext())
            existingTodos = await db.Todos.AsNoTracking().Where(t => t.CallId == call.Id).ToListAsync(ct);
        var todos = existingTodos.Count > 0 ? [] : TriggerTodos(context, task, stored, now);
        var detail = call.Status == CallStatus.Dialling
            ? "拨号时系统中断；为避免重复拨打，本次不再拨出"
            : $"通话中系统中断，已保存的 {turns} 轮对话保留；为避免重复拨打，本次不再拨出";
        return new CallFinish
        {
            CallId = call.Id, End = CallEnd.Interrupted, EndedAt = now, Detail = detail, Todos = todos, Turns = turns,
            Summary = $"通话中断；已保存回答 {stored.Count} 项", TriggerRulesVersion = TriggerRulesVersion.Of(context.Triggers),
        };
    }

    private static List<TodoItem> TriggerTodos(CallContext context, FollowUpTask task, IEnumerable<FollowUpResult> answers, DateTime now)
    {
        var facts = answers.Select(a => new AnswerFact(a.QuestionKey, a.Value, a.Said, a.TurnIndex));
        return TriggerEvaluator.Evaluate(context.Triggers, facts).Select(h => Todo(task, TodoKind.Abnormal,
            h.Rule.Severity == Core.Pathways.TriggerSeverity.Critical ? TodoUrgency.Critical : TodoUrgency.Normal,
            h.Rule.Description, h.Answer.Said, h.Answer.TurnIndex, h.Rule.QuestionKey, now)).ToList();
    }

    private static TodoItem EscalationTodo(Escalation e, Transcript transcript, FollowUpTask task, DateTime now)
    {
        var kind = e.Kind switch
        {
            "handoff" => TodoKind.Handoff,
            "red-flag" => TodoKind.RedFlag,
            "unanswered-question" => TodoKind.UnansweredQuestion,
            _ => TodoKind.Abnormal,
        };
        var urgency = e.Urgent || kind == TodoKind.RedFlag ? TodoUrgency.Urgent : TodoUrgency.Normal;
        return Todo(task, kind, urgency, e.Reason, e.Said, transcript.TurnIndexOf(e.Turn), null, now);
    }

    private static TodoItem Todo(FollowUpTask task, TodoKind kind, TodoUrgency urgency, string reason, string? evidence, int? turn,
        string? questionKey, DateTime now) => new()
    {
        HospitalId = task.HospitalId, DepartmentId = task.DepartmentId, PatientId = task.PatientId, PlanStepId = task.PlanStepId,
        Kind = kind, Urgency = urgency, Reason = Clip(reason, 500)!, Evidence = Clip(evidence, 1000), TurnIndex = turn,
        QuestionKey = questionKey, Source = "ai-call", Status = TodoStatus.Open, CreatedAt = now,
    };

    private static PatientCallFlag Flag(FollowUpTask task, CallFlagKind kind, string? phoneIndex, string reason, DateTime now) => new()
    {
        HospitalId = task.HospitalId, PatientId = task.PatientId, Kind = kind, PhoneIndex = phoneIndex, Reason = Clip(reason, 256)!, At = now,
    };

    private static int? Last(Transcript transcript) => transcript.PatientTexts.Count > 0 ? transcript.PatientTexts[^1].Index : null;

    private static string? Clip(string? s, int max) => s is not null && s.Length > max ? s[..max] : s;
}
