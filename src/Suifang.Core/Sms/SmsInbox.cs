using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Todos;

namespace Suifang.Core.Sms;

public sealed record SmsInboxResult(SmsReply Reply, bool Duplicate);

/// 收件箱: takes a patient's reply from a provider (pushed or pulled), once. The reply is matched to the patient by the
/// number's search index (PhoneIndex; the number itself is never compared or logged in clear) and, when several
/// hospitals have the number, by the signature the reply went to; it answers the last message sent to that patient.
/// "TD"/"退订" goes through the SMS opt-out (SmsReplies); a wish to talk or a symptom raises a to-do (Source "sms");
/// every reply is listed in the SMS inbox and in the patient's archive.
public static class SmsInbox
{
    public const string TodoSource = "sms";
    private const int MaxText = 500;

    public static async Task<SmsInboxResult?> ReceiveAsync(SuifangDbContext db, SensitiveDataProtector protector, ISmsReplyReader reader,
        SmsInboundReply reply,
        DateTime now, CancellationToken ct)
    {
        if (reply.At == default)
            reply = reply with { At = now };   // a provider that gave no time: when we got it
        var phone = ContactNumbers.NormalizePhone(reply.Phone ?? "");
        if (!ContactNumbers.IsValidPhone(phone))
            return null;
        var value = protector.Protect(SensitiveKind.Phone, phone);
        var text = (reply.Text ?? "").Trim();
        text = text.Length > MaxText ? text[..MaxText] : text;
        var key = DedupeKey(reply, value.Index, text);
        if (await db.SmsReplies.AsNoTracking().FirstOrDefaultAsync(r => r.DedupeKey == key, ct) is { } seen)
            return new(seen, true);

        var patients = await db.Patients.Where(p => p.PhoneIndex == value.Index)
            .Select(p => new { p.Id, p.HospitalId }).ToListAsync(ct);
        var row = new SmsReply
        {
            Provider = reply.Provider, PhoneCipher = value.Cipher, PhoneIndex = value.Index, PhoneMasked = value.Masked, Text = text,
            SignName = Cut(reply.SignName, 64), ExtendCode = Cut(reply.ExtendCode, 32), Kind = reader.Read(text, now),
            ReceivedAt = reply.At, RecordedAt = now, DedupeKey = key,
        };
        var hospitals = patients.Select(p => p.HospitalId).Distinct().ToList();
        if (hospitals.Count > 1 && !string.IsNullOrWhiteSpace(reply.SignName))
        {
            var signed = await db.Hospitals.Where(h => hospitals.Contains(h.Id) && h.Name == reply.SignName).Select(h => h.Id).ToListAsync(ct);
            if (signed.Count == 1)
                patients = patients.Where(p => p.HospitalId == signed[0]).ToList();
        }
        var ids = patients.Select(p => p.Id).ToArray();
        var answered = await db.SmsMessages.AsNoTracking()
            .Where(m => ids.Contains(m.PatientId) && m.SentAt != null && m.SentAt <= reply.At.AddMinutes(5))
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.PatientId, m.HospitalId, m.DepartmentId }).FirstOrDefaultAsync(ct);
        if (answered is not null)
            (row.MessageId, row.PatientId, row.HospitalId, row.DepartmentId) = (answered.Id, answered.PatientId, answered.HospitalId, answered.DepartmentId);
        else if (patients.Count > 0)
            (row.PatientId, row.HospitalId) = (patients[0].Id, patients[0].HospitalId);
        if (row.PatientId is { } pid && row.DepartmentId is null)
            row.DepartmentId = await db.Encounters.Where(e => e.PatientId == pid).OrderByDescending(e => e.VisitAt)
                .Select(e => (int?)e.DepartmentId).FirstOrDefaultAsync(ct);
        row.Outcome = row.PatientId is null ? "没有找到使用这个号码的患者，请管理员核对。" : "已收到，请在收件箱查看。";

        db.Actor = AuditActor.System("短信回复");
        db.SmsReplies.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();   // another node stored the same reply first
            return new(await db.SmsReplies.AsNoTracking().FirstAsync(r => r.DedupeKey == key, ct), true);
        }

        if (row.Kind == SmsReplyKind.OptOut)
            row.Outcome = await OptOutAsync(db, protector, hospitals, phone, text, now, ct);
        else if (row.Kind is SmsReplyKind.WantsToTalk or SmsReplyKind.Symptom && row.PatientId is { } patient && row.HospitalId is { } hospital)
        {
            if (row.DepartmentId is { } department)
            {
                var todo = Todo(row, hospital, department, patient, text, now);
                db.Todos.Add(todo);
                await db.SaveChangesAsync(ct);
                row.TodoId = todo.Id;
                row.Outcome = row.Kind == SmsReplyKind.Symptom ? "患者诉有不适，已生成待办（今日回电）。" : "患者希望有人联系，已生成待办（回电）。";
            }
            else
                row.Outcome = "患者希望联系或诉有不适，但没有所属科室，未能生成待办：请护士直接回电。";
        }
        db.AuditEvent(AuditActions.Create, "SmsReply", row.Id.ToString(), $"收到短信回复（{row.PhoneMasked}，{row.Provider}）：{row.Outcome}");
        await db.SaveChangesAsync(ct);
        return new(row, false);
    }

    private static async Task<string> OptOutAsync(SuifangDbContext db, SensitiveDataProtector protector, List<int> hospitals, string phone,
        string text, DateTime now, CancellationToken ct)
    {
        if (hospitals.Count == 0)
            return "退订回复，但没有找到使用这个号码的患者。";
        var summaries = new List<string>();
        foreach (var hospital in hospitals)
            summaries.Add((await SmsReplies.ReceiveAsync(db, protector, hospital, phone, text, now, ct)).Summary);
        db.Actor = AuditActor.System("短信回复");
        var all = string.Join(" ", summaries.Distinct());
        return all.Length > 256 ? all[..256] : all;
    }

    private static TodoItem Todo(SmsReply row, int hospital, int department, long patient, string text, DateTime now) => new()
    {
        HospitalId = hospital, DepartmentId = department, PatientId = patient, Source = TodoSource, CreatedAt = now,
        Kind = row.Kind == SmsReplyKind.Symptom ? TodoKind.RedFlag : TodoKind.Handoff,
        Urgency = row.Kind == SmsReplyKind.Symptom ? TodoUrgency.Urgent : TodoUrgency.Normal,
        Reason = row.Kind == SmsReplyKind.Symptom ? "患者回复短信诉有不适，请今日回电了解情况" : "患者回复短信希望有人联系，请回电",
        Evidence = $"短信回复：{text}", RuleKey = row.Kind == SmsReplyKind.Symptom ? "sms-reply:symptom" : "sms-reply:talk",
    };

    /// The provider's own key when it has one (Aliyun sequence_id), else the number's index, the minute and the words.
    private static string DedupeKey(SmsInboundReply reply, string phoneIndex, string text)
    {
        var basis = string.IsNullOrWhiteSpace(reply.ProviderKey)
            ? $"{reply.Provider}|{phoneIndex}|{reply.At:yyyyMMddHHmmss}|{text}"
            : $"{reply.Provider}|key|{reply.ProviderKey.Trim()}|{phoneIndex}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    private static string? Cut(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Length > max ? s.Trim()[..max] : s.Trim();
}
