using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Pathways.Validation;

namespace Suifang.Core.Pathways.CreatePathway;

/// A new pathway, version 1, as a draft of one of the author's departments.
public sealed class CreatePathwayHandler(SuifangDbContext db, Func<DateTime> now)
{
    public async Task<PathwayCommandResult> HandleAsync(PathwayInput input, StaffScope scope, CancellationToken ct = default)
    {
        if (!PathwayAccess.MayWrite(scope))
            return PathwayCommandResult.Forbidden(PathwayAccess.WriteRefused);
        if (await PathwaySaving.CheckAsync(db, input, scope, ct) is { } refusal)
            return refusal;

        var pathway = new Pathway
        {
            HospitalId = scope.HospitalId,
            Key = await PathwayKeys.NewAsync(db, scope.HospitalId, input.DepartmentId, ct),
            Name = "",
            DiseaseCodes = "",
            DiseaseNames = "",
            Version = 1,
            Status = PathwayStatus.Draft,
            CreatedAt = now(),
            CreatedBy = scope.UserName,
        };
        PathwayMapping.Apply(input, pathway);
        db.Pathways.Add(pathway);
        await db.SaveChangesAsync(ct);
        return PathwayCommandResult.Ok(pathway);
    }
}

/// The checks every save runs: the content (PathwayValidator) and the department it goes into.
internal static class PathwaySaving
{
    public static async Task<PathwayCommandResult?> CheckAsync(SuifangDbContext db, PathwayInput input, StaffScope scope, CancellationToken ct)
    {
        var errors = PathwayValidator.Validate(input).ToList();
        errors.AddRange(await QuestionnaireStepCheck.CheckAsync(db, input, scope.HospitalId, ct));
        var department = await PathwayAccess.CheckDepartmentAsync(db, input.DepartmentId, scope, ct);
        if (department is { Status: PathwayCommandStatus.Forbidden })
            return department;
        if (department is not null)
            errors.InsertRange(0, department.Errors);
        return errors.Count > 0 ? PathwayCommandResult.Invalid(errors) : null;
    }
}
