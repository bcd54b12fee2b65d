using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires.Scales;
using Suifang.Core.Sms;

namespace Suifang.Core.Questionnaires.Links;

/// One questionnaire in a patient's archive: sent, opened, submitted, with its score.
public sealed record PatientQuestionnaireRow(long LinkId, string Title, DateTime SentAt, DateTime ExpiresAt, DateTime? OpenedAt,
    DateTime? SubmittedAt, double? Score, string? Band, RiskLevel Risk, string? Period, IReadOnlyList<(string Question, string Answer)> Answers);

public sealed record SendOutcome(bool Ok, string Message, string? Url = null);

/// A patient's questionnaires (the archive's panel), the scales that fit them, and sending one by hand. Scoped to the
/// staff member's departments; reading and sending are audited.
public static class PatientQuestionnaires
{
    public static async Task<List<PatientQuestionnaireRow>> ListAsync(SuifangDbContext db, StaffScope staff, long patientId, CancellationToken ct)
    {
        var links = await db.QuestionnaireLinks.AsNoTracking().Include(l => l.Version)
            .Where(l => l.PatientId == patientId && l.HospitalId == staff.HospitalId && (staff.AllDepartments || staff.DepartmentIds.Contains(l.DepartmentId)))
            .OrderByDescending(l => l.CreatedAt).Take(100).ToListAsync(ct);
        var ids = links.Select(l => l.Id).ToList();
        var responses = await db.QuestionnaireResponses.AsNoTracking().Where(r => ids.Contains(r.LinkId)).ToDictionaryAsync(r => r.LinkId, ct);
        return links.Select(l =>
        {
            var r = responses.GetValueOrDefault(l.Id);
            var content = l.Version!.Content;
            var answers = r is null ? [] : QuestionnaireJson.ReadAnswers(r.AnswersJson)
                .Select(a => content.Question(a.Key) is { } q ? (q.Text, QuestionnaireAnswers.Display(q, a.Value)) : (a.Key, a.Value)).ToList();
            return new PatientQuestionnaireRow(l.Id, l.Version.Title, l.CreatedAt, l.ExpiresAt, l.OpenedAt, l.SubmittedAt, r?.Score, r?.Band,
                r?.Risk ?? RiskLevel.None, l.Period, answers);
        }).ToList();
    }

    public static async Task<IReadOnlyList<ScaleRecommendation>> RecommendAsync(SuifangDbContext db, long patientId, DateTime now, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Include(p => p.Encounters).FirstOrDefaultAsync(p => p.Id == patientId, ct);
        if (patient is null)
            return [];
        var diagnoses = patient.Encounters.SelectMany(e => e.SecondaryDiagnoses.Select(d => (d.Code, d.Name)).Prepend((e.PrimaryDiagnosisCode, e.PrimaryDiagnosisName)));
        var age = patient.AgeOn(DateOnly.FromDateTime(now));
        return ScaleRecommender.Recommend(diagnoses, age);
    }

    /// Sends the latest published version of a questionnaire to the patient by SMS (through the outbox), in the patient's
    /// most recent department the staff member may see.
    public static async Task<SendOutcome> SendAsync(SuifangDbContext db, ISmsOutbox? outbox, StaffScope staff, int questionnaireId, long patientId,
        QuestionnaireOptions options, DateTime now, CancellationToken ct)
    {
        if (outbox is null)
            return new(false, "短信服务未配置，暂时不能发送问卷链接。请联系信息科在“短信设置”中配置短信通道。");
        var encounter = await db.Encounters.AsNoTracking()
            .Where(e => e.PatientId == patientId && e.HospitalId == staff.HospitalId && (staff.AllDepartments || staff.DepartmentIds.Contains(e.DepartmentId)))
            .OrderByDescending(e => e.VisitAt).FirstOrDefaultAsync(ct);
        if (encounter is null)
            return new(false, "这位患者不在您负责的科室范围内，不能发送问卷。");
        var version = await db.QuestionnaireVersions.Include(v => v.Questionnaire)
            .Where(v => v.QuestionnaireId == questionnaireId && v.Questionnaire!.HospitalId == staff.HospitalId && !v.Questionnaire.Deleted)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (version is null)
            return new(false, "这份问卷还没有发布，请先在问卷设计中发布后再发送。");
        var made = await QuestionnaireLinks.CreateAsync(db, new LinkRequest(staff.HospitalId, encounter.DepartmentId, patientId, version,
            TimeSpan.FromDays(options.LinkValidDays), EffectKey: "manual:" + Guid.NewGuid().ToString("N"), SentBy: staff.UserName), now, ct);
        var hospital = await db.Hospitals.AsNoTracking().Where(h => h.Id == staff.HospitalId).Select(h => h.Name).FirstAsync(ct);
        var url = QuestionnaireChannel.LinkUrl(options.PublicBaseUrl, made.Token);
        var sent = await outbox.SendAsync(new SmsSend(staff.HospitalId, patientId, QuestionnaireChannel.Message(hospital, version.Title, url, made.Link.ExpiresAt),
            SmsPurpose.QuestionnaireLink, made.Link.EffectKey!, null, QuestionnaireChannel.TemplateCode), ct);
        db.Actor = staff.Actor;
        db.AuditEvent("questionnaire.send", "Patient", patientId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"发送问卷“{version.Title}”");
        await db.SaveChangesAsync(ct);
        return sent.Status is SmsSendStatus.Failed or SmsSendStatus.Blocked
            ? new(false, "问卷链接已生成，但短信没有发出：" + sent.Detail, url)
            : new(true, $"已发送“{version.Title}”，患者点开短信里的链接即可填写。", url);
    }
}
