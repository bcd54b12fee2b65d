using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Questionnaires.Editing;

public sealed record QuestionnaireRow(int Id, string Key, string Title, QuestionnaireKind Kind, int? DepartmentId, string? Department,
    int LatestVersion, bool DraftChanged, DateTime UpdatedAt, int Sent, int Submitted);

public sealed record EditResult(bool Ok, int? Id = null, IReadOnlyList<string>? Problems = null)
{
    public static EditResult Fail(params string[] problems) => new(false, null, problems);
}

/// 问卷设计的增删改查 (5.2.3): scoped to the staff member's departments (hospital-wide questionnaires are readable by all,
/// editable by administrators), every change audited. Publishing freezes the draft as a new version.
public sealed class QuestionnaireEditor(SuifangDbContext db, StaffScope staff, DateTime now)
{
    public async Task<List<QuestionnaireRow>> ListAsync(string? search, CancellationToken ct)
    {
        var query = Visible().Where(q => q.Kind != QuestionnaireKind.Generated);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            query = query.Where(q => q.Title.Contains(s) || q.Key.Contains(s) || q.Description.Contains(s));
        }
        var rows = await query.OrderBy(q => q.Kind).ThenBy(q => q.Title)
            .Select(q => new { q.Id, q.Key, q.Title, q.Kind, q.DepartmentId, q.LatestVersion, q.DraftChanged, q.UpdatedAt })
            .Take(500).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.QuestionnaireLinks.Where(l => ids.Contains(l.QuestionnaireId))
            .GroupBy(l => l.QuestionnaireId).Select(g => new { Id = g.Key, Sent = g.Count(), Submitted = g.Count(l => l.SubmittedAt != null) })
            .ToDictionaryAsync(x => x.Id, ct);
        var names = await db.Departments.Where(d => d.HospitalId == staff.HospitalId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return rows.Select(r => new QuestionnaireRow(r.Id, r.Key, r.Title, r.Kind, r.DepartmentId,
            r.DepartmentId is { } d ? names.GetValueOrDefault(d) : null, r.LatestVersion, r.DraftChanged, r.UpdatedAt,
            counts.GetValueOrDefault(r.Id)?.Sent ?? 0, counts.GetValueOrDefault(r.Id)?.Submitted ?? 0)).ToList();
    }

    public Task<Questionnaire?> FindAsync(int id, CancellationToken ct) =>
        Visible().Include(q => q.Versions).FirstOrDefaultAsync(q => q.Id == id, ct);

    public async Task<EditResult> CreateAsync(string title, int? departmentId, QuestionnaireContent content, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(title))
            return EditResult.Fail("请填写问卷名称。");
        if (!MayEdit(departmentId))
            return EditResult.Fail("您只能为自己所在的科室新建问卷；全院问卷请联系管理员。");
        var key = await FreeKeyAsync(ct);
        var q = new Questionnaire
        {
            HospitalId = staff.HospitalId, DepartmentId = departmentId, Key = key, Title = title.Trim(), DraftJson = QuestionnaireJson.Write(content),
            CreatedAt = now, UpdatedAt = now, UpdatedBy = staff.UserName,
        };
        db.Questionnaires.Add(q);
        await db.SaveChangesAsync(ct);
        await AuditAsync("questionnaire.create", q, $"新建问卷“{q.Title}”", ct);
        return new EditResult(true, q.Id);
    }

    public async Task<EditResult> SaveDraftAsync(int id, string title, string description, QuestionnaireContent content, CancellationToken ct)
    {
        var q = await EditableAsync(id, ct);
        if (q is null)
            return EditResult.Fail("找不到这份问卷，或您没有修改它的权限。");
        if (string.IsNullOrWhiteSpace(title))
            return EditResult.Fail("请填写问卷名称。");
        q.Title = title.Trim();
        q.Description = description.Trim();
        q.DraftJson = QuestionnaireJson.Write(content);
        q.DraftChanged = true;
        q.UpdatedAt = now;
        q.UpdatedBy = staff.UserName;
        await db.SaveChangesAsync(ct);
        await AuditAsync("questionnaire.save-draft", q, $"保存问卷草稿“{q.Title}”", ct);
        return new EditResult(true, q.Id);
    }

    public async Task<EditResult> PublishAsync(int id, CancellationToken ct)
    {
        var q = await EditableAsync(id, ct);
        if (q is null)
            return EditResult.Fail("找不到这份问卷，或您没有发布它的权限。");
        var problems = QuestionnaireChecker.Check(q.Title, q.Draft);
        if (problems.Count > 0)
            return new EditResult(false, q.Id, problems);
        q.LatestVersion++;
        db.QuestionnaireVersions.Add(new QuestionnaireVersion
        {
            QuestionnaireId = q.Id, Version = q.LatestVersion, Title = q.Title, ContentJson = q.DraftJson, PublishedAt = now, PublishedBy = staff.UserName,
        });
        q.DraftChanged = false;
        q.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await AuditAsync("questionnaire.publish", q, $"发布问卷“{q.Title}”第 {q.LatestVersion} 版", ct);
        return new EditResult(true, q.Id);
    }

    public async Task<EditResult> CopyAsync(int id, int? departmentId, CancellationToken ct)
    {
        var source = await FindAsync(id, ct);
        if (source is null)
            return EditResult.Fail("找不到要复制的问卷。");
        return await CreateAsync(source.Title + "（副本）", departmentId, source.Draft, ct) is { Ok: true } made
            ? await SaveDescriptionAsync(made, source.Description, ct) : EditResult.Fail("您只能复制到自己所在的科室。");
    }

    public async Task<EditResult> DeleteAsync(int id, CancellationToken ct)
    {
        var q = await EditableAsync(id, ct);
        if (q is null)
            return EditResult.Fail("找不到这份问卷，或您没有删除它的权限。");
        // Links and answers refer to its versions: it is hidden, not erased.
        q.Deleted = true;
        q.UpdatedAt = now;
        q.UpdatedBy = staff.UserName;
        await db.SaveChangesAsync(ct);
        await AuditAsync("questionnaire.delete", q, $"删除问卷“{q.Title}”", ct);
        return new EditResult(true, q.Id);
    }

    private async Task<EditResult> SaveDescriptionAsync(EditResult made, string description, CancellationToken ct)
    {
        await db.Questionnaires.Where(q => q.Id == made.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.Description, description), ct);
        return made;
    }

    private IQueryable<Questionnaire> Visible() => db.Questionnaires.Where(q => q.HospitalId == staff.HospitalId && !q.Deleted
        && (staff.AllDepartments || q.DepartmentId == null || staff.DepartmentIds.Contains(q.DepartmentId.Value)));

    private async Task<Questionnaire?> EditableAsync(int id, CancellationToken ct)
    {
        var q = await Visible().FirstOrDefaultAsync(x => x.Id == id, ct);
        return q is not null && MayEdit(q.DepartmentId) && q.Kind != QuestionnaireKind.Generated ? q : null;
    }

    private bool MayEdit(int? departmentId) => departmentId is { } d ? staff.CanSeeDepartment(d) : staff.IsAdmin;

    private async Task<string> FreeKeyAsync(CancellationToken ct)
    {
        var n = await db.Questionnaires.CountAsync(q => q.HospitalId == staff.HospitalId, ct);
        string key;
        do key = $"q{++n}";
        while (await db.Questionnaires.AnyAsync(q => q.HospitalId == staff.HospitalId && q.Key == key, ct));
        return key;
    }

    private async Task AuditAsync(string action, Questionnaire q, string summary, CancellationToken ct)
    {
        db.Actor = staff.Actor;
        db.AuditEvent(action, nameof(Questionnaire), q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), summary);
        await db.SaveChangesAsync(ct);
    }
}
