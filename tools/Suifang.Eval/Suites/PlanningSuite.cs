using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Plans.Metrics;
using Suifang.Eval.Data;
using Suifang.Eval.Reporting;

namespace Suifang.Eval.Suites;

/// Planning (7.2.1.2 d E_p = R_1 / R, 7.4.3 P_p = C_1 / C), pooled over every operation of every plan: from executed
/// plans in a database (--db, the steps' needed/correct as Core's PlanMetrics decides them) or from eval/plans.jsonl.
internal sealed class PlanningSuite : ISuite
{
    public string Key => "planning";

    public async Task<SuiteOutput> RunAsync(EvalContext context, CancellationToken ct)
    {
        const string name = "规划策略", clause = "7.2.1.2 d / 7.4.3";
        List<(string Plan, string? Node, bool Needed, bool Correct)> steps;
        string source;
        if (context.Options.Db is { } db)
        {
            steps = await FromDatabaseAsync(db, ct);
            source = "数据库中已完成随访计划的已执行步骤（完成或未接通），有效/正确按系统的规则（PlanMetrics）判定";
        }
        else
        {
            var path = context.DataPath("eval", "plans.jsonl");
            if (!File.Exists(path)) return SuiteOutput.Skipped(Key, name, clause, $"缺少数据 {path}，也未用 --db 指定数据库");
            steps = Jsonl.Read<PlanLine>(path).Where(context.Included)
                .SelectMany(p => p.Steps.Select(s => (p.Id, s.Node, s.Needed, s.Correct))).ToList();
            source = $"标注文件 {path}";
        }
        var metrics = new List<MetricResult>
        {
            Figures.Proportion("planning.ep", Key, "7.2.1.2 d", "规划策略有效率 E_p", steps.Count(s => s.Needed), steps.Count),
            Figures.Proportion("planning.pp", Key, "7.4.3", "规划策略准确率 P_p", steps.Count(s => s.Correct), steps.Count),
        };
        return new SuiteOutput([new SuiteResult
        {
            Key = Key, Name = name, Clause = clause,
            Notes = [$"{steps.Select(s => s.Plan).Distinct().Count()} 个计划、{steps.Count} 个操作（步骤）；来源：{source}。"],
            Worst = steps.Where(s => !s.Needed || !s.Correct).Take(context.Options.Worst)
                .Select(s => new Example(s.Plan, s.Node ?? "", "有效且结果正确", $"{(s.Needed ? "有效" : "无效")}，{(s.Correct ? "正确" : "不正确")}")).ToList(),
        }], metrics);
    }

    private static async Task<List<(string, string?, bool, bool)>> FromDatabaseAsync(string db, CancellationToken ct)
    {
        await using var context = Open(db);
        var rows = await context.PlanSteps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Done || s.Status == StepStatus.Unreached)
            .Where(s => context.Plans.Any(p => p.Id == s.PlanId && p.PlanningEffectiveness != null))
            .ToListAsync(ct);
        return rows.Select(s => (s.PlanId.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PlanMetrics.IsEffective(s), PlanMetrics.IsCorrect(s))).ToList();
    }

    private static SuifangDbContext Open(string db)
    {
        var colon = db.IndexOf(':');
        var (provider, connection) = colon < 0 ? ("", db) : (db[..colon], db[(colon + 1)..]);
        return provider switch
        {
            "sqlite" => new SqliteSuifangDbContext(new DbContextOptionsBuilder<SqliteSuifangDbContext>().UseSqlite(connection).Options),
            "postgres" => new PostgresSuifangDbContext(new DbContextOptionsBuilder<PostgresSuifangDbContext>().UseNpgsql(connection).Options),
            _ => throw new ArgumentException("--db 应写成 sqlite:Data Source=文件 或 postgres:Host=…;Database=…"),
        };
    }
}
