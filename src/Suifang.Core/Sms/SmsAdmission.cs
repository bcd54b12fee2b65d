using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Tasks;

namespace Suifang.Core.Sms;

/// Decides what becomes of a new message before anything is sent: blocked (no usable number, opted out or on the
/// do-not-contact list, consent withdrawn, frequency cap reached), queued until the SMS quiet hours end, or queued to
/// go now (5.2.2, 8.3.2).
internal static class SmsAdmission
{
    public const int MaxTextLength = 1000;

    public static async Task<SmsMessage> AdmitAsync(SuifangDbContext db, SensitiveDataProtector protector, ContactPolicies policies,
        SmsOptions options, SmsSend send, DateTime now, CancellationToken ct)
    {
        var text = (send.Text ?? "").Trim();
        var segments = SmsTemplateCheck.SegmentsOf(text);
        if (text.Length > MaxTextLength)
            text = text[..MaxTextLength];
        var message = new SmsMessage
        {
            HospitalId = send.HospitalId, PatientId = send.PatientId, TaskId = send.TaskId, BatchId = send.BatchId,
            Text = LinkMasking.Mask(text), TextCipher = protector.ProtectText(text), Segments = segments,
            Purpose = send.Purpose, TemplateCode = send.TemplateCode,
            ParametersCipher = send.Parameters is { Count: > 0 } p ? protector.ProtectText(JsonSerializer.Serialize(p.ToList())) : null,
            EffectKey = send.EffectKey, CreatedAt = now, UpdatedAt = now,
        };

        var patient = await db.Patients.IgnoreQueryFilters().AsNoTracking()
            .Where(x => x.Id == send.PatientId && x.HospitalId == send.HospitalId)
            .Select(x => new { x.PhoneCipher, x.PhoneMasked, x.DeletedAt }).FirstOrDefaultAsync(ct);
        message.DepartmentId = send.TaskId is { } taskId
            ? await db.Tasks.Where(t => t.Id == taskId).Select(t => (int?)t.DepartmentId).FirstOrDefaultAsync(ct)
            : await db.Encounters.Where(e => e.PatientId == send.PatientId).OrderByDescending(e => e.VisitAt)
                .Select(e => (int?)e.DepartmentId).FirstOrDefaultAsync(ct);

        if (send.ToStaff is { } staff)
            return AdmitToStaff(message, staff, now);
        if (patient is null || patient.DeletedAt is not null)
            return Blocked(message, "找不到这位患者（可能已删除），短信未发送。", now);
        (message.PhoneCipher, message.PhoneMasked) = (patient.PhoneCipher, patient.PhoneMasked);
        if (message.Text.Length == 0)
            return Blocked(message, "短信内容是空的，未发送。请检查模板或任务内容。", now);
        if (patient.PhoneCipher.Length == 0 || !IsMobile(patient.PhoneMasked))
            return Blocked(message, "患者没有登记手机号（固话收不到短信），未发送。请在患者档案中补充手机号。", now);
        if (await DoNotContactList.ReasonForAsync(db, send.HospitalId, send.PatientId, sms: true, ct) is { } dnc)
            return Blocked(message, $"患者已退订短信或在免打扰名单中（{dnc}），未发送。", now);
        // Marks from calls and manual follow-up (5.3.5): a deceased patient gets no message at all, a number known to be
        // wrong none either (it would reach a stranger) until a nurse corrects the number.
        var flags = await Calls.CallFlags.ActiveAsync(db, send.PatientId, ct);
        if (flags.Deceased is { } deceased)
            return Blocked(message, $"患者已登记去世（{deceased}），短信未发送。", now);
        if (flags.WrongNumber is { } wrong)
            return Blocked(message, $"这个号码已被标记为错误号码（{wrong}），短信未发送。请护士核实并更正号码后再发。", now);
        var consent = await db.Consents.AsNoTracking().Where(c => c.PatientId == send.PatientId)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (ConsentDecision?)c.Decision).FirstOrDefaultAsync(ct);
        if (consent == ConsentDecision.Withdrawn)
            return Blocked(message, "患者已撤回随访知情同意，未发送。", now);
        if (send.Purpose != SmsPurpose.Notice && options.Caps.TryGetValue(send.Purpose, out var cap) && cap.Messages > 0)
        {
            var since = now.Date.AddDays(-(Math.Max(cap.Days, 1) - 1));
            var count = await db.SmsMessages.CountAsync(m => m.PatientId == send.PatientId && m.Purpose == send.Purpose
                && m.CreatedAt >= since && m.Status != SmsSendStatus.Blocked && m.Status != SmsSendStatus.Failed, ct);
            if (count >= cap.Messages)
                return Blocked(message, $"已达频次上限：{SmsNames.Purpose(send.Purpose)}短信 {cap.Days} 天内最多 {cap.Messages} 条，本条未发送。", now);
        }

        var policy = await policies.GetAsync(db, send.HospitalId, ct);
        var at = policy.Schedule.NextSmsMoment(now);
        message.NextAttemptAt = at;
        message.Move(SmsSendStatus.Queued, at > now ? $"短信免打扰时段内不发送，将于 {at:M月d日 HH:mm} 发送。" : "等待发送。", now);
        return message;
    }

    /// An alert to a staff member goes at once, at any hour: the patient's rules are about the patient.
    private static SmsMessage AdmitToStaff(SmsMessage message, StaffRecipient staff, DateTime now)
    {
        (message.PhoneCipher, message.PhoneMasked, message.RecipientUserId) = (staff.PhoneCipher, staff.PhoneMasked, staff.UserId);
        if (message.Text.Length == 0)
            return Blocked(message, "短信内容是空的，未发送。", now);
        if (staff.PhoneCipher.Length == 0 || !IsMobile(staff.PhoneMasked))
            return Blocked(message, "这位工作人员没有登记手机号，未发送。请在“值班与提醒”设置中填写。", now);
        message.NextAttemptAt = now;
        message.Move(SmsSendStatus.Queued, "等待发送。", now);
        return message;
    }

    /// Only mobile numbers receive SMS; the masked form keeps the first three digits ("138****1234").
    private static bool IsMobile(string masked) => masked.Length == 11 && masked[0] == '1';

    private static SmsMessage Blocked(SmsMessage message, string why, DateTime now)
    {
        message.Move(SmsSendStatus.Blocked, why, now);
        return message;
    }
}

public static class SmsNames
{
    public static string Purpose(SmsPurpose purpose) => purpose switch
    {
        SmsPurpose.FollowUp => "随访",
        SmsPurpose.QuestionnaireLink => "问卷链接",
        SmsPurpose.Reminder => "复诊提醒",
        SmsPurpose.Education => "健康宣教",
        SmsPurpose.Notice => "通知",
        SmsPurpose.StaffAlert => "预警通知",
        _ => purpose.ToString(),
    };

    public static string Status(SmsSendStatus status) => status switch
    {
        SmsSendStatus.Queued => "排队中",
        SmsSendStatus.Sent => "已发送",
        SmsSendStatus.Delivered => "已送达",
        SmsSendStatus.Failed => "失败",
        SmsSendStatus.Blocked => "未发送",
        _ => status.ToString(),
    };
}
