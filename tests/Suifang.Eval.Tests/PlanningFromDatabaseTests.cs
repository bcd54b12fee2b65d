using System.Text.Json;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Testing;

namespace Suifang.Eval.Tests;

/// `run --db`: the planning figures (7.2.1.2 d E_p, 7.4.3 P_p) read from executed plans in a database instead of
/// eval/plans.jsonl — only finished plans (PlanningEffectiveness set), only executed steps (done or unreached), needed and
/// correct as Core's PlanMetrics decides them.
public sealed class PlanningFromDatabaseTests
{
    [Fact]
    public async Task Planning_figures_come_from_the_executed_steps_of_finished_plans_in_the_database()
    {
        await using var hospital = await TestHospital.CreateAsync(DatabaseProvider.Sqlite);
        var patient = (await hospital.AddAsync(hospital.Patient())).Single();
        var now = new DateTime(2026, 12, 1, 10, 0, 0);
        await using (var db = hospital.Database.NewContext())
        {
            FollowUpPlan Plan(double? effectiveness) => new()
            {
                HospitalId = hospital.Hospital.Id, CampusId = hospital.CampusId, PatientId = patient.Id, DepartmentId = hospital.Cardiology.Id,
                Source = PlanSource.Manual, AnchorTime = now.AddDays(-30), CreatedAt = now.AddDays(-30), PlanningEffectiveness = effectiveness,
            };
            var order = 0;
            PlanStep Step(string label, StepStatus status, bool? needed = null, bool? correct = null) => new()
            {
                Order = ++order, Title = label, Label = label, DueFrom = now.AddDays(-20), DueTo = now.AddDays(-18), Status = status,
                WasNeeded = needed, ResultCorrect = correct,
            };
            var finished = Plan(50);
            finished.Steps.Add(Step("D+3", StepStatus.Done));                           // needed, correct
            finished.Steps.Add(Step("D+7", StepStatus.Done, needed: false));            // not needed (e.g. a duplicate), correct
            finished.Steps.Add(Step("D+14", StepStatus.Done, correct: false));          // needed, recorded wrongly
            finished.Steps.Add(Step("D+30", StepStatus.Unreached));                     // not reached: neither
            finished.Steps.Add(Step("D+60", StepStatus.Waiting));                       // not executed: left out
            var running = Plan(null);                                                   // not finished: left out
            running.Steps.Add(Step("D+3", StepStatus.Done));
            db.Plans.AddRange(finished, running);
            await db.SaveChangesAsync();
        }
        var output = Path.Combine(Path.GetTempPath(), "suifang-eval-db-" + Guid.NewGuid().ToString("N"));
        var log = new StringWriter();

        var code = await Cli.RunAsync(["run", "--data", Path.Combine(AppContext.BaseDirectory, "TinyData"), "--out", output,
            "--suites", "planning", "--db", "sqlite:" + hospital.Database.ConnectionString], log, CancellationToken.None);

        Assert.True(code == 0, log.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(output, "eval-*.json").Single()));
        var metrics = report.RootElement.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("key").GetString()!, m => m);
        // 4 executed steps of the finished plan: needed D+3, D+14 → E_p = 2/4; correct D+3, D+7 → P_p = 2/4.
        Assert.Equal(4, metrics["planning.ep"].GetProperty("n").GetInt32());
        Assert.Equal(0.5, metrics["planning.ep"].GetProperty("value").GetDouble(), 10);
        Assert.Equal(0.5, metrics["planning.pp"].GetProperty("value").GetDouble(), 10);
        Assert.Contains("数据库", File.ReadAllText(Directory.GetFiles(output, "eval-*.md").Single()));
    }
}
