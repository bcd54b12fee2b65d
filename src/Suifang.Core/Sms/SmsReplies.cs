using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Tasks;

namespace Suifang.Core.Sms;

public sealed record SmsReplyOutcome(bool OptedOut, int Patients, string Summary);

/// 上行短信: a patient's reply. "TD" / "退订" (and the usual variants) is an SMS opt-out: the number goes on the
/// do-not-contact list with scope SMS, so that the outbox, the task engine's contact gate and every later SMS honour
/// it; the open SMS and questionnaire tasks of the patients with that number are cancelled at once.
public static class SmsReplies
{
    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "TD", "T", "N", "退订", "退定", "取消", "TD退订", "退订TD", "回复TD退订", "退订短信", "不要再发", "不要发了",
    };

    public static bool IsOptOut(string text)
    {
        var t = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());
        return OptOutWords.Contains(t);
    }

    public static async Task<SmsReplyOutcome> ReceiveAsync(SuifangDbContext db, SensitiveDataProtector protector, int hospitalId,
        string phone, string text, DateTime now, CancellationToken ct)
    {
        var normalized = ContactNumbers.NormalizePhone(phone ?? "");
        if (!ContactNumbers.IsValidPhone(normalized))
            return new(false, 0, "回复号码无法识别，未处理。");
        if (!IsOptOut(text))
            return new(false, 0, "不是退订回复，已记录。");
        var value = protector.Protect(SensitiveKind.Phone, normalized);
        var patients = await db.Patients.Where(p => p.HospitalId == hospitalId && p.PhoneIndex == value.Index)
            .Select(p => p.Id).ToListAsync(ct);
        db.Actor = AuditActor.System("短信退订");
        var already = await db.DoNotContacts.AnyAsync(d => d.HospitalId == hospitalId && d.PhoneIndex == value.Index && d.RemovedAt == null, ct);
        if (!already)
        {
            var entry = new DoNotContactEntry
            {
                HospitalId = hospitalId, PhoneIndex = value.Index, PhoneMasked = value.Masked, Scope = DoNotContactScope.Sms,
                Reason = $"患者回复“{text.Trim()}”退订短信", AddedAt = now, AddedBy = "患者短信回复",
            };
            db.DoNotContacts.Add(entry);
            await db.SaveChangesAsync(ct);
            db.AuditEvent(AuditActions.Create, "DoNotContact", entry.Id.ToString(), $"短信退订：号码 {value.Masked}（{patients.Count} 位患者使用）");
        }
        var ids = patients.ToArray();
        var cancelled = await db.Tasks.Where(t => ids.Contains(t.PatientId) && (t.State == TaskState.Pending || t.State == TaskState.Due)
                && (t.Channel == Pathways.ChannelKind.Sms || t.Channel == Pathways.ChannelKind.Questionnaire))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TaskState.Cancelled).SetProperty(t => t.Outcome, "患者已回复退订短信")
                .SetProperty(t => t.FinishedAt, now).SetProperty(t => t.UpdatedAt, now).SetProperty(t => t.Version, t => t.Version + 1), ct);
        var queued = await db.SmsMessages.Where(m => ids.Contains(m.PatientId) && m.Status == SmsSendStatus.Queued && m.Purpose != SmsPurpose.Notice)
            .Select(m => m.Id).ToListAsync(ct);
        foreach (var m in await db.SmsMessages.Include(x => x.History).Where(x => queued.Contains(x.Id)).ToListAsync(ct))
            m.Move(SmsSendStatus.Blocked, "患者已回复退订短信，未发送。", now);
        await db.SaveChangesAsync(ct);
        return new(true, patients.Count, $"号码 {value.Masked} 已退订短信；取消短信/问卷任务 {cancelled} 个，撤下排队短信 {queued.Count} 条。");
    }
}
