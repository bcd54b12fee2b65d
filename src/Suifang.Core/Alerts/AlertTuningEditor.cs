using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// Changes a department's rule tuning (7.2.5), with the reason, audited; critical values can be neither muted nor lowered.
public static class AlertTuningEditor
{
    public static async Task SaveAsync(SuifangDbContext db, Accounts.StaffScope by, int departmentId, string ruleKey, bool muted,
        TodoUrgency? urgency, decimal? threshold, string reason, DateTime now, CancellationToken ct)
    {
        if (!DutyEditor.MayEdit(by, await DutyRoster.SettingsAsync(db, departmentId, ct)))
            throw new DutyEditException("只有本科室护士长或管理员可以调整预警规则。");
        ruleKey = (ruleKey ?? "").Trim();
        if (ruleKey.Length is 0 or > 128)
            throw new DutyEditException("请填写规则编号（如 trigger:PCI-D7:fever，或以 * 结尾表示一组规则）。");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DutyEditException("请写明调整原因（例如“咳嗽报警太多，医生确认无需逐条处理”），便于日后追溯。");
        if (AlertTuning.IsAlwaysAlerted(ruleKey) && (muted || urgency is not null and not TodoUrgency.Critical))
            throw new DutyEditException("危急值规则不能静默或降级：危急值必须立即提醒。可以调整阈值。");
        var tuning = await db.AlertRuleTunings.FirstOrDefaultAsync(t => t.DepartmentId == departmentId && t.RuleKey == ruleKey, ct);
        var before = tuning is null ? "无" : Describe(tuning);
        if (tuning is null)
        {
            tuning = new AlertRuleTuning { HospitalId = by.HospitalId, DepartmentId = departmentId, RuleKey = ruleKey, Reason = "", ChangedBy = "" };
            db.AlertRuleTunings.Add(tuning);
        }
        (tuning.Muted, tuning.Urgency, tuning.Threshold) = (muted, urgency, threshold);
        (tuning.Reason, tuning.ChangedBy, tuning.ChangedAt) = (reason.Trim().Length > 300 ? reason.Trim()[..300] : reason.Trim(), by.UserName, now);
        db.AuditEvent("alerts.tuning", "AlertRuleTuning", $"{departmentId}:{ruleKey}", $"调整预警规则 {ruleKey}：{Describe(tuning)}；原因：{tuning.Reason}",
            $"之前：{before}");
        await db.SaveChangesAsync(ct);
    }

    public static async Task RemoveAsync(SuifangDbContext db, Accounts.StaffScope by, long id, CancellationToken ct)
    {
        var tuning = await db.AlertRuleTunings.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new DutyEditException("这条规则调整已被删除，请刷新页面。");
        if (!DutyEditor.MayEdit(by, await DutyRoster.SettingsAsync(db, tuning.DepartmentId, ct)))
            throw new DutyEditException("只有本科室护士长或管理员可以调整预警规则。");
        db.AlertRuleTunings.Remove(tuning);
        db.AuditEvent("alerts.tuning.remove", "AlertRuleTuning", $"{tuning.DepartmentId}:{tuning.RuleKey}", $"恢复预警规则 {tuning.RuleKey} 的默认设置");
        await db.SaveChangesAsync(ct);
    }

    public static string Describe(AlertRuleTuning t) => string.Join("，", new[]
    {
        t.Muted ? "静默" : null,
        t.Urgency is { } u ? "紧急程度改为" + UrgencyName(u) : null,
        t.Threshold is { } th ? "阈值改为 " + th.ToString("0.##", CultureInfo.InvariantCulture) : null,
    }.Where(x => x is not null).DefaultIfEmpty("按默认"));

    public static string UrgencyName(TodoUrgency u) => u switch
    {
        TodoUrgency.Critical => "危急",
        TodoUrgency.Urgent => "紧急",
        _ => "一般",
    };
}
