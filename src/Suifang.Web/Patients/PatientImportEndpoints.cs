using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients.Import;
using Suifang.Core.Security;

namespace Suifang.Web.Patients;

/// Excel import over REST: upload, a job's result, the template and the rejected rows as xlsx.
internal static class PatientImportEndpoints
{
    public const long MaxFileBytes = 50L * 1024 * 1024;

    public static RouteGroupBuilder MapPatientImportApi(this RouteGroupBuilder patients)
    {
        var import = patients.MapGroup("/import");

        // The API is called with the sign-in cookie (SameSite=Lax), which a cross-site form cannot send with a POST.
        import.MapPost("/", async (IFormFile? file, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector, HospitalClock clock, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0)
                    return Problem("请选择要导入的 Excel 文件（.xlsx），表单字段名为 file。");
                if (!ImportUpload.IsXlsx(file.FileName))
                    return Problem(ImportUpload.WrongType(file.FileName));
                if (file.Length > MaxFileBytes)
                    return Problem(ImportUpload.TooLarge(file.Length));
                await using var temp = await ImportUpload.ToTempFileAsync(file.OpenReadStream(), ct);
                var result = await new PatientImporter(db, protector, () => clock.Now).ImportAsync(temp.Stream, file.FileName, PatientWriteEndpoints.Scope(http), ct: ct);
                var view = ImportJobView.From(result.Job, result.Rejected);
                return result.Refused ? Problem(result.Job.FailureMessage!, view) : TypedResults.Ok(view);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 1024 * 1024))
            .WithSummary("导入 Excel（xlsx）").WithDescription("multipart/form-data，字段名 file。返回导入结果：新建患者和就诊数、已存在的行数、未通过的行（行号、列、原因）。");

        import.MapGet("/{jobId:guid}", async (Guid jobId, HttpContext http, SuifangDbContext db) =>
                await FindJobAsync(db, jobId, http) is { } job ? Results.Ok(ImportJobView.From(job)) : NotFound())
            .WithSummary("查看一次导入的结果");

        import.MapGet("/{jobId:guid}/rejected", async (Guid jobId, HttpContext http, SuifangDbContext db, SensitiveDataProtector protector) =>
            {
                if (await FindJobAsync(db, jobId, http) is not { } job)
                    return NotFound();
                var stream = new MemoryStream();
                ImportWorkbooks.WriteRejectedRows(stream, RejectedRowsJson.Deserialize(job.RejectedDetails), protector);
                stream.Position = 0;
                db.Actor = PatientWriteEndpoints.Scope(http).Actor;
                db.AuditEvent(Suifang.Core.Audit.AuditActions.Export, nameof(ImportJob), job.Id.ToString(), $"下载导入“{job.FileName}”未通过的行（{job.RejectedRows} 行）");
                await db.SaveChangesAsync();
                return Results.File(stream, ImportWorkbooks.ContentType, $"未通过的行-{Path.GetFileNameWithoutExtension(job.FileName)}.xlsx");
            })
            .WithSummary("下载未通过的行（xlsx，改正后可直接重新导入）");

        import.MapGet("/template", () =>
            {
                var stream = new MemoryStream();
                ImportWorkbooks.WriteTemplate(stream);
                stream.Position = 0;
                return Results.File(stream, ImportWorkbooks.ContentType, ImportWorkbooks.TemplateFileName);
            })
            .WithSummary("下载导入模板（含示例和填写说明）");

        return patients;
    }

    /// A job is visible to the user who ran it, and to admins and supervisors.
    internal static async Task<ImportJob?> FindJobAsync(SuifangDbContext db, Guid id, HttpContext http)
    {
        var scope = PatientWriteEndpoints.Scope(http);
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id);
        return job is not null && (scope.AllDepartments || job.UserName == scope.UserName) ? job : null;
    }

    private static IResult Problem(string detail, object? job = null) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest,
        title: "文件未导入", extensions: job is null ? null : new Dictionary<string, object?> { ["job"] = job });

    private static IResult NotFound() => TypedResults.Problem("没有找到这次导入，或您无权查看。", statusCode: StatusCodes.Status404NotFound, title: "没有找到");
}
