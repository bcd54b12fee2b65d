namespace Suifang.Core.Plans.Metrics;

/// The two planning figures of the standard, for one executed plan, in percent:
/// 7.2.1.2 d 规划策略有效率 E_p = R_1 / R × 100%: R = the operations (steps) the plan provided to complete its task,
/// R_1 = those that were effective (needed);
/// 7.4.3 a 规划策略准确率 P_p = C_1 / C × 100%: C = the same operations, C_1 = those that gave a correct result.
/// A step counts as an operation of the plan when it was carried out (Done or Unreached); a step cancelled before it ran
/// was withdrawn from the plan and is not counted. A step is effective when it reached the patient and collected the
/// follow-up (Done), unless a reviewer marked it as not needed (WasNeeded = false); an unreached step did nothing
/// useful unless marked needed. A step's result is correct when it is Done and no reviewer marked it wrong
/// (ResultCorrect = false); an unreached step gave no result.
public static class PlanMetrics
{
    public sealed record Figures(int Operations, int Effective, int Correct, double? Effectiveness, double? Accuracy);

    public static Figures Compute(IEnumerable<PlanStep> steps)
    {
        var executed = steps.Where(s => s.Status is StepStatus.Done or StepStatus.Unreached).ToList();
        var effective = executed.Count(IsEffective);
        var correct = executed.Count(IsCorrect);
        return executed.Count == 0
            ? new Figures(0, 0, 0, null, null)
            : new Figures(executed.Count, effective, correct, Percent(effective, executed.Count), Percent(correct, executed.Count));
    }

    public static bool IsEffective(PlanStep s) => s.WasNeeded ?? s.Status == StepStatus.Done;

    public static bool IsCorrect(PlanStep s) => s.Status == StepStatus.Done && s.ResultCorrect != false;

    private static double Percent(int part, int whole) => Math.Round(100.0 * part / whole, 2);

    /// Fills the plan's E_p and P_p from its steps (the plan must have its steps loaded).
    public static Figures Record(FollowUpPlan plan)
    {
        var f = Compute(plan.Steps);
        (plan.PlanningEffectiveness, plan.PlanningAccuracy) = (f.Effectiveness, f.Accuracy);
        return f;
    }
}
