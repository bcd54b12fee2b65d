using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Tasks;

namespace Suifang.Core.Plans.CancelPlan;

public sealed record CancelPlanCommand(long PlanId, string? Reason, bool Stop = false);

public sealed record CancelPlanResult(bool Ok, string? Error, int CancelledTasks)
{
    public static CancelPlanResult Fail(string error) => new(false, error, 0);
}

/// Cancels (or stops with care, e.g. the patient passed away) a plan: its open tasks and waiting steps are cancelled at
/// once, with the reason; finished steps keep their results.
public static class CancelPlan
{
    public static async Task<ScopedResult<CancelPlanResult>> RunAsync(SuifangDbContext db, StaffScope scope, CancelPlanCommand command,
        DateTime now, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Steps).SingleOrDefaultAsync(p => p.Id == command.PlanId && p.HospitalId == scope.HospitalId, ct);
        if (plan is null)
            return ScopedResult<CancelPlanResult>.NotFound;
        if (!scope.CanSeeDepartment(plan.DepartmentId))
            return ScopedResult<CancelPlanResult>.Forbidden;
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            return ScopedResult<CancelPlanResult>.Granted(CancelPlanResult.Fail("请填写取消原因（例如“患者已转院”“患者拒绝随访”），以便日后查看时知道为什么停止。"));
        if (reason.Length > 200)
            return ScopedResult<CancelPlanResult>.Granted(CancelPlanResult.Fail("取消原因最多 200 个字，请精简后再提交。"));
        if (plan.Status is not (PlanStatus.Active or PlanStatus.Scheduled))
            return ScopedResult<CancelPlanResult>.Granted(CancelPlanResult.Fail("该计划已经结束（已完成、已停止或已取消），无需再取消。"));

        plan.Status = command.Stop ? PlanStatus.Stopped : PlanStatus.Cancelled;
        plan.ClosedAt = now;
        plan.ClosedReason = reason;
        // Later steps not yet made rows stay in LaterSteps and show as cancelled; no job makes them rows any more.
        plan.LaterStepsFrom = null;
        foreach (var step in plan.Steps.Where(s => s.Status is StepStatus.Waiting or StepStatus.InProgress))
            step.Status = StepStatus.Cancelled;
        var open = await db.Tasks.Open().Where(t => t.PlanId == plan.Id)
            .ToListAsync(ct);
        foreach (var t in open)
        {
            t.State = TaskState.Cancelled;
            t.Outcome = StepText("计划已取消：" + reason);
            t.FinishedAt = now;
            t.UpdatedAt = now;
            t.LeaseOwner = null;
            t.LeaseExpiresAt = null;
            t.Version++;
        }
        db.AuditEvent(command.Stop ? "plan.stop" : "plan.cancel", nameof(FollowUpPlan), plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{(command.Stop ? "停止" : "取消")}随访计划 {plan.Id}（患者 {plan.PatientId}），原因：{reason}；取消未完成任务 {open.Count} 个");
        await db.SaveChangesAsync(ct);
        return ScopedResult<CancelPlanResult>.Granted(new CancelPlanResult(true, null, open.Count));
    }

    private static string StepText(string s) => s.Length <= 256 ? s : s[..256];
}
