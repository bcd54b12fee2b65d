using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Questionnaires.Links;
using Suifang.Core.Security;
using Suifang.Core.Sms;
using Suifang.Core.Tasks;

namespace Suifang.Core.Questionnaires;

/// 问卷随访 (5.1.4): the questionnaire channel of the task engine. It makes the patient's own link, sends it by SMS
/// (ISmsOutbox, purpose QuestionnaireLink, the task's effect key) and leaves the task waiting until FallbackAt. The
/// submission completes the task (SubmitQuestionnaire → TaskMaintenance.AnswerAsync); not filled in time, the engine's
/// fallback starts the step's next channel (e.g. a phone reminder).
/// Idempotent: the token is derived from the effect key with the server's secret, so a resumed task finds the same link
/// and the outbox returns the first message's result instead of sending again.
public sealed class QuestionnaireChannel(Func<SuifangDbContext> newContext, ISmsOutbox outbox, SensitiveDataProtector protector,
    Func<DateTime> now, QuestionnaireOptions options) : ITaskChannel
{
    public const string TemplateCode = "questionnaire-link";

    public ChannelKind Kind => ChannelKind.Questionnaire;

    public async Task<TaskOutcome> ExecuteAsync(TaskExecution execution, CancellationToken ct)
    {
        var task = execution.Task;
        var at = now();
        await using var db = newContext();
        var step = task.PlanStepId is { } stepId
            ? await db.PlanSteps.AsNoTracking().Include(s => s.Node).FirstOrDefaultAsync(s => s.Id == stepId, ct) : null;
        var channel = step is not null && task.ChannelIndex < step.Content.Channels.Count ? step.Content.Channels[task.ChannelIndex] : null;
        var version = await VersionAsync(db, task, step, channel, at, ct);
        if (version is null)
            return TaskOutcome.Failed("没有可发送的问卷：请在路径节点中指定问卷或填写问题");

        var fallbackAt = at.AddHours(Math.Max(1, channel?.FallbackAfterHours is > 0 and var h ? h : 48));
        var token = LinkTokens.FromSecret(protector.DeriveSecret("questionnaire-link", execution.EffectKey));
        var link = await db.QuestionnaireLinks.AsNoTracking().FirstOrDefaultAsync(l => l.EffectKey == execution.EffectKey, ct);
        if (link is null)
        {
            var validFor = TimeSpan.FromDays(options.LinkValidDays);
            if (at + validFor < fallbackAt)
                validFor = fallbackAt - at;
            link = (await QuestionnaireLinks.CreateAsync(db, new LinkRequest(task.HospitalId, task.DepartmentId, task.PatientId, version,
                validFor, execution.EffectKey, task.Id, task.PlanId, task.PlanStepId, step?.Label, "任务"), at, ct, token)).Link;
        }
        var hospital = await db.Hospitals.AsNoTracking().Where(x => x.Id == task.HospitalId).Select(x => x.Name).FirstAsync(ct);
        var url = LinkUrl(options.PublicBaseUrl, token);
        var text = Message(hospital, version.Title, url, link.ExpiresAt);
        var sent = await outbox.SendAsync(new SmsSend(task.HospitalId, task.PatientId, text, SmsPurpose.QuestionnaireLink, execution.EffectKey,
            task.Id, TemplateCode, new Dictionary<string, string> { ["hospital"] = hospital, ["title"] = version.Title, ["url"] = url }), ct);
        return sent.Status switch
        {
            SmsSendStatus.Failed or SmsSendStatus.Blocked => TaskOutcome.NotReached("问卷短信未发出：" + sent.Detail),
            SmsSendStatus.Queued when sent.RetryAt is { } later => TaskOutcome.Waiting(Max(fallbackAt, later.AddHours((fallbackAt - at).TotalHours)),
                $"问卷链接排队待发（{later:MM-dd HH:mm}）：{version.Title}"),
            _ => TaskOutcome.Waiting(fallbackAt, $"问卷链接已发送：{version.Title}，{fallbackAt:MM-dd HH:mm} 前未填写将转下一渠道"),
        };
    }

    public static string LinkUrl(string baseUrl, string token) => baseUrl.TrimEnd('/') + "/q/" + token;

    /// Short and polite, names what to do and until when (8.3.2).
    public static string Message(string hospital, string title, string url, DateTime expiresAt) =>
        $"【{hospital}】您好，请花几分钟填写“{title}”：{url} ，{expiresAt.ToString("M月d日", CultureInfo.InvariantCulture)}前有效。如有不适请及时就医。";

    private static async Task<QuestionnaireVersion?> VersionAsync(SuifangDbContext db, FollowUpTask task, Plans.PlanStep? step,
        ChannelStep? channel, DateTime at, CancellationToken ct)
    {
        if (channel?.QuestionnaireKey is { Length: > 0 } key)
        {
            var found = await db.QuestionnaireVersions.AsNoTracking().Include(v => v.Questionnaire)
                .Where(v => v.Questionnaire!.HospitalId == task.HospitalId && v.Questionnaire.Key == key && !v.Questionnaire.Deleted)
                .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
            if (found is not null)
                return found;
        }
        if (step is null || step.Content.Questions.Count == 0)
            return null;
        return await QuestionnaireCatalogue.ForQuestionsAsync(db, task.HospitalId, step.Title, step.Content.Questions, at, ct);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
