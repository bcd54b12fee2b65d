using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Questionnaires;

/// A questionnaire a pathway's questionnaire step may send: published (it has a version), not deleted, and the
/// pathway's department's own or the whole hospital's (the shipped scales).
public sealed record QuestionnaireChoice(string Key, string Title, QuestionnaireKind Kind, int? DepartmentId, int Version)
{
    public bool FitsDepartment(int departmentId) => DepartmentId is null || DepartmentId == departmentId;
}

public static class PublishedQuestionnaires
{
    /// Every questionnaire of the hospital that has a published version (the editor filters by department).
    public static Task<List<QuestionnaireChoice>> ListAsync(SuifangDbContext db, int hospitalId, CancellationToken ct) =>
        db.Questionnaires.AsNoTracking()
            .Where(q => q.HospitalId == hospitalId && !q.Deleted && q.LatestVersion > 0 && q.Kind != QuestionnaireKind.Generated)
            .OrderBy(q => q.Kind).ThenBy(q => q.Title)
            .Select(q => new QuestionnaireChoice(q.Key, q.Title, q.Kind, q.DepartmentId, q.LatestVersion))
            .ToListAsync(ct);
}
