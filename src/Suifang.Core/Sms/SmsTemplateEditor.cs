using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;

namespace Suifang.Core.Sms;

/// Saving and removing SMS templates: every template passes the 8.3.2 check before it is stored; changes are audited.
public static class SmsTemplateEditor
{
    public static async Task<(SmsTemplate? Saved, string? Error)> SaveAsync(SuifangDbContext db, StaffScope scope, int? id, string? name,
        SmsPurpose purpose, string? text, string? providerCode, DateTime now, CancellationToken ct = default)
    {
        if (!scope.Roles.Overlaps([Roles.Admin, Roles.Nurse, Roles.Doctor]))
            return (null, "您的角色只能查看短信模板，修改请联系护士长或管理员。");
        var n = (name ?? "").Trim();
        if (n.Length is 0 or > 64)
            return (null, "请填写模板名称（最多 64 个字），例如“复诊提醒（心内科）”。");
        var report = SmsTemplateCheck.Check(text, purpose);
        if (!report.CanSave)
            return (null, string.Join(" ", report.Findings.Where(f => f.Level == SmsCheckLevel.Error).Select(f => f.Message)));
        if (await db.SmsTemplates.AnyAsync(t => t.HospitalId == scope.HospitalId && t.Name == n && t.Id != (id ?? 0), ct))
            return (null, $"已经有名为“{n}”的模板，请换一个名称。");
        var template = id is { } existing
            ? await db.SmsTemplates.FirstOrDefaultAsync(t => t.Id == existing && t.HospitalId == scope.HospitalId, ct)
            : null;
        if (id is not null && template is null)
            return (null, "这个模板已被删除，请刷新页面。");
        if (template is null)
        {
            template = new SmsTemplate { HospitalId = scope.HospitalId, Name = n, Text = "" };
            db.SmsTemplates.Add(template);
        }
        (template.Name, template.Purpose, template.Text, template.ProviderCode) = (n, purpose, text!.Trim(), string.IsNullOrWhiteSpace(providerCode) ? null : providerCode.Trim());
        (template.UpdatedAt, template.UpdatedBy) = (now, scope.UserName);
        await db.SaveChangesAsync(ct);
        db.Actor = scope.Actor;
        db.AuditEvent(id is null ? AuditActions.Create : AuditActions.Update, "SmsTemplate", template.Id.ToString(), $"短信模板“{n}”：{template.Text}");
        await db.SaveChangesAsync(ct);
        return (template, null);
    }

    public static async Task<string?> DeleteAsync(SuifangDbContext db, StaffScope scope, int id, CancellationToken ct = default)
    {
        if (!scope.Roles.Overlaps([Roles.Admin, Roles.Nurse, Roles.Doctor]))
            return "您的角色只能查看短信模板。";
        var template = await db.SmsTemplates.FirstOrDefaultAsync(t => t.Id == id && t.HospitalId == scope.HospitalId, ct);
        if (template is null)
            return "这个模板已被删除，请刷新页面。";
        db.SmsTemplates.Remove(template);
        db.Actor = scope.Actor;
        db.AuditEvent(AuditActions.Delete, "SmsTemplate", id.ToString(), $"删除短信模板“{template.Name}”");
        await db.SaveChangesAsync(ct);
        return null;
    }
}
