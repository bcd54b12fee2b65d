using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.ManualFollowUp.Editing;

public sealed record ManualTemplateRow(int Id, string Key, int Version, string Name, int? DepartmentId, string Department,
    ManualFormStatus Status, int Questions, bool IsTemplate, bool IsFrozen, DateTime? UpdatedAt);

public sealed record ManualTemplateSaved(Access Access, IReadOnlyList<string> Errors, ManualFormTemplate? Template = null)
{
    public bool Ok => Access == Access.Granted && Errors.Count == 0;
    public static ManualTemplateSaved Error(string e) => new(Access.Granted, [e]);
}

/// The template library of a hospital, scoped like everything else: a staff member sees and edits the templates of her
/// departments and reads the hospital-wide ones; only administrators change hospital-wide templates. Versions: a version
/// that a record used is frozen, so saving it makes the next version (a draft); publishing a version archives the
/// previously published one of the same key.
public static class ManualTemplateCommands
{
    public static IQueryable<ManualFormTemplate> Visible(SuifangDbContext db, StaffScope scope)
    {
        var departments = scope.DepartmentIds.ToArray();
        return db.ManualFormTemplates.Where(t => t.HospitalId == scope.HospitalId
            && (scope.AllDepartments || t.DepartmentId == null || departments.Contains(t.DepartmentId.Value)));
    }

    public static bool MayEdit(StaffScope scope, int? departmentId) =>
        departmentId is { } d ? scope.CanSeeDepartment(d) && (scope.IsAdmin || scope.Roles.Contains(Roles.Doctor) || scope.Roles.Contains(Roles.Nurse))
            : scope.IsAdmin;

    public static async Task<List<ManualTemplateRow>> ListAsync(SuifangDbContext db, StaffScope scope, bool includeArchived, CancellationToken ct)
    {
        var q = Visible(db, scope).AsNoTracking();
        if (!includeArchived)
            q = q.Where(t => t.Status != ManualFormStatus.Archived);
        var rows = await q.OrderBy(t => t.Name).ThenByDescending(t => t.Version).ToListAsync(ct);
        var names = await db.Departments.AsNoTracking().Where(d => d.HospitalId == scope.HospitalId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return rows.Select(t => new ManualTemplateRow(t.Id, t.Key, t.Version, t.Name, t.DepartmentId,
            t.DepartmentId is { } d ? names.GetValueOrDefault(d, "") : "全院通用", t.Status, t.Questions.Count, t.IsTemplate, t.IsFrozen, t.UpdatedAt ?? t.CreatedAt)).ToList();
    }

    public static async Task<ScopedResult<ManualFormTemplate>> GetAsync(SuifangDbContext db, StaffScope scope, int id, CancellationToken ct)
    {
        var t = await db.ManualFormTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.HospitalId == scope.HospitalId, ct);
        if (t is null)
            return ScopedResult<ManualFormTemplate>.NotFound;
        return t.DepartmentId is null || scope.CanSeeDepartment(t.DepartmentId.Value)
            ? ScopedResult<ManualFormTemplate>.Granted(t) : ScopedResult<ManualFormTemplate>.Forbidden;
    }

    /// New (id null) or changed; a frozen version is not changed: the next version is made from the input instead.
    public static async Task<ManualTemplateSaved> SaveAsync(SuifangDbContext db, StaffScope scope, int? id, ManualTemplateInput input, DateTime now,
        CancellationToken ct)
    {
        if (!MayEdit(scope, input.DepartmentId))
            return new ManualTemplateSaved(Access.Forbidden, [input.DepartmentId is null
                ? "只有系统管理员可以修改全院通用的模板；请选择您负责的科室。" : "您不负责这个科室，不能修改它的模板。"]);
        var errors = ManualTemplateValidation.Check(input);
        if (errors.Count > 0)
            return new ManualTemplateSaved(Access.Granted, errors);
        if (input.DepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept && d.HospitalId == scope.HospitalId, ct))
            return ManualTemplateSaved.Error("所选科室不存在，请重新选择。");
        db.Actor = scope.Actor;
        ManualFormTemplate target;
        if (id is null)
        {
            target = new ManualFormTemplate { HospitalId = scope.HospitalId, Key = NewKey(), Name = "", CreatedAt = now, CreatedBy = scope.UserName };
            db.ManualFormTemplates.Add(target);
        }
        else
        {
            var existing = await db.ManualFormTemplates.FirstOrDefaultAsync(t => t.Id == id && t.HospitalId == scope.HospitalId, ct);
            if (existing is null)
                return new ManualTemplateSaved(Access.NotFound, ["找不到这个模板，它可能已被删除。"]);
            if (!MayEdit(scope, existing.DepartmentId))
                return new ManualTemplateSaved(Access.Forbidden, ["您不能修改这个模板（它属于其他科室，或是全院通用模板）。"]);
            if (input.Revision is { } r && r != existing.Revision)
                return ManualTemplateSaved.Error($"这个模板在您打开后被 {existing.UpdatedBy} 修改过，请刷新后再编辑，以免覆盖别人的修改。");
            if (existing.IsFrozen || existing.Status == ManualFormStatus.Archived)
            {
                var next = await db.ManualFormTemplates.Where(t => t.HospitalId == scope.HospitalId && t.Key == existing.Key).MaxAsync(t => t.Version, ct) + 1;
                target = new ManualFormTemplate { HospitalId = scope.HospitalId, Key = existing.Key, Version = next, Name = "", CreatedAt = now, CreatedBy = scope.UserName };
                db.ManualFormTemplates.Add(target);
            }
            else
            {
                target = existing;
                target.Revision++;
            }
        }
        target.Name = input.Name!.Trim();
        target.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        target.DepartmentId = input.DepartmentId;
        target.Questions = input.ToQuestions();
        target.Triggers = input.ToTriggers();
        target.UpdatedAt = now;
        target.UpdatedBy = scope.UserName;
        db.AuditEvent(id is null ? AuditActions.Create : AuditActions.Update, "ManualFormTemplate", target.Key,
            $"保存人工随访模板“{target.Name}”第 {target.Version} 版（{target.Questions.Count} 个问题）");
        await db.SaveChangesAsync(ct);
        return new ManualTemplateSaved(Access.Granted, [], target);
    }

    public static async Task<ManualTemplateSaved> PublishAsync(SuifangDbContext db, StaffScope scope, int id, DateTime now, CancellationToken ct)
    {
        var (t, refused) = await EditableAsync(db, scope, id, ct);
        if (t is null)
            return refused!;
        foreach (var other in await db.ManualFormTemplates.Where(x => x.HospitalId == t.HospitalId && x.Key == t.Key && x.Id != t.Id
            && x.Status == ManualFormStatus.Published).ToListAsync(ct))
            other.Status = ManualFormStatus.Archived;
        t.Status = ManualFormStatus.Published;
        t.UpdatedAt = now;
        t.UpdatedBy = scope.UserName;
        db.AuditEvent(AuditActions.Update, "ManualFormTemplate", t.Key, $"发布人工随访模板“{t.Name}”第 {t.Version} 版");
        await db.SaveChangesAsync(ct);
        return new ManualTemplateSaved(Access.Granted, [], t);
    }

    public static async Task<ManualTemplateSaved> ArchiveAsync(SuifangDbContext db, StaffScope scope, int id, DateTime now, CancellationToken ct)
    {
        var (t, refused) = await EditableAsync(db, scope, id, ct);
        if (t is null)
            return refused!;
        t.Status = ManualFormStatus.Archived;
        t.UpdatedAt = now;
        t.UpdatedBy = scope.UserName;
        db.AuditEvent(AuditActions.Update, "ManualFormTemplate", t.Key, $"停用人工随访模板“{t.Name}”第 {t.Version} 版");
        await db.SaveChangesAsync(ct);
        return new ManualTemplateSaved(Access.Granted, [], t);
    }

    private static async Task<(ManualFormTemplate?, ManualTemplateSaved?)> EditableAsync(SuifangDbContext db, StaffScope scope, int id, CancellationToken ct)
    {
        var t = await db.ManualFormTemplates.FirstOrDefaultAsync(x => x.Id == id && x.HospitalId == scope.HospitalId, ct);
        if (t is null)
            return (null, new ManualTemplateSaved(Access.NotFound, ["找不到这个模板，它可能已被删除。"]));
        if (!MayEdit(scope, t.DepartmentId))
            return (null, new ManualTemplateSaved(Access.Forbidden, ["您不能修改这个模板（它属于其他科室，或是全院通用模板）。"]));
        db.Actor = scope.Actor;
        return (t, null);
    }

    private static string NewKey() => "form-" + Guid.NewGuid().ToString("N")[..10];
}
