using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Knowledge;

/// Adds, changes, retires and restores knowledge-base entries; every change is in the audit log.
public static class KnowledgeEditor
{
    public static async Task<KnowledgeOutcome> CreateAsync(SuifangDbContext db, StaffScope scope, KnowledgeInput input, DateTime now, CancellationToken ct = default)
    {
        if (await RefuseAsync(db, scope, input.DepartmentId, ct) is { } refusal)
            return refusal;
        var errors = KnowledgeRules.Check(input, DateOnly.FromDateTime(now));
        if (errors.Count > 0)
            return KnowledgeOutcome.Invalid(errors);
        db.Actor = scope.Actor;
        var entry = new KnowledgeEntry
        {
            HospitalId = scope.HospitalId, Question = "", Answer = "", Owner = "", CreatedAt = now, CreatedBy = scope.UserName,
        };
        Apply(entry, input);
        db.KnowledgeEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        db.AuditEvent("knowledge.create", nameof(KnowledgeEntry), Id(entry), $"新增知识库条目“{entry.Question}”");
        await db.SaveChangesAsync(ct);
        return new KnowledgeOutcome(Id: entry.Id);
    }

    public static async Task<KnowledgeOutcome> UpdateAsync(SuifangDbContext db, StaffScope scope, int id, KnowledgeInput input, DateTime now, CancellationToken ct = default)
    {
        var entry = await db.KnowledgeEntries.SingleOrDefaultAsync(e => e.Id == id && e.HospitalId == scope.HospitalId, ct);
        if (entry is null)
            return KnowledgeOutcome.Missing();
        if (KnowledgeRules.Refusal(scope, entry.DepartmentId) is { } old)
            return KnowledgeOutcome.Denied(old);
        if (await RefuseAsync(db, scope, input.DepartmentId, ct) is { } refusal)
            return refusal;
        if (input.Revision != entry.Revision)
            return new KnowledgeOutcome($"这条知识已被 {entry.UpdatedBy ?? entry.CreatedBy} 在 {entry.UpdatedAt ?? entry.CreatedAt:yyyy-MM-dd HH:mm} 修改过。请刷新后在最新内容上修改，以免覆盖别人的修改。");
        var errors = KnowledgeRules.Check(input, DateOnly.FromDateTime(now));
        if (errors.Count > 0)
            return KnowledgeOutcome.Invalid(errors);
        db.Actor = scope.Actor;
        var before = $"{entry.Question}｜{entry.Answer}";
        Apply(entry, input);
        entry.UpdatedAt = now;
        entry.UpdatedBy = scope.UserName;
        entry.Revision++;
        db.AuditEvent("knowledge.update", nameof(KnowledgeEntry), Id(entry), $"修改知识库条目“{entry.Question}”", $"原内容：{before}");
        await db.SaveChangesAsync(ct);
        return new KnowledgeOutcome(Id: entry.Id);
    }

    /// Retired entries stay (calls that used them keep their answer traceable) but the agent no longer answers from them.
    public static async Task<KnowledgeOutcome> SetRetiredAsync(SuifangDbContext db, StaffScope scope, int id, bool retired, DateTime now, CancellationToken ct = default)
    {
        var entry = await db.KnowledgeEntries.SingleOrDefaultAsync(e => e.Id == id && e.HospitalId == scope.HospitalId, ct);
        if (entry is null)
            return KnowledgeOutcome.Missing();
        if (KnowledgeRules.Refusal(scope, entry.DepartmentId) is { } refusal)
            return KnowledgeOutcome.Denied(refusal);
        db.Actor = scope.Actor;
        entry.IsRetired = retired;
        entry.UpdatedAt = now;
        entry.UpdatedBy = scope.UserName;
        entry.Revision++;
        db.AuditEvent(retired ? "knowledge.retire" : "knowledge.restore", nameof(KnowledgeEntry), Id(entry),
            $"{(retired ? "停用" : "恢复")}知识库条目“{entry.Question}”");
        await db.SaveChangesAsync(ct);
        return new KnowledgeOutcome(Id: entry.Id);
    }

    private static void Apply(KnowledgeEntry entry, KnowledgeInput input)
    {
        entry.DepartmentId = input.DepartmentId;
        entry.Question = input.Question!.Trim();
        entry.Variants = string.Join('\n', (input.Variants ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        entry.Answer = input.Answer!.Trim();
        entry.Owner = input.Owner!.Trim();
        entry.ReviewOn = input.ReviewOn!.Value;
    }

    private static async Task<KnowledgeOutcome?> RefuseAsync(SuifangDbContext db, StaffScope scope, int? departmentId, CancellationToken ct)
    {
        if (KnowledgeRules.Refusal(scope, departmentId) is { } refusal)
            return KnowledgeOutcome.Denied(refusal);
        if (departmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d && x.HospitalId == scope.HospitalId && x.IsActive, ct))
            return KnowledgeOutcome.Invalid(["请选择条目所属的科室：只有该科室患者的电话里 AI 助手才会用它回答。"]);
        return null;
    }

    private static string Id(KnowledgeEntry e) => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
