using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Bench;

/// The dashboard bench's hospital, written with one INSERT … SELECT per table (foreign keys off for the load only):
/// 20 departments with 12 attending doctors each; --tasks/5 encounters and plans of 5 steps; one task per step over the
/// year 2026 (AI call 60 %, SMS 15 %, questionnaire 15 %, manual 10 %; 60 % completed, 20 % unreached, 10 % open,
/// 10 % cancelled); --calls AI calls spread over the AI tasks (about 1.7 a task, 70 % answered); to-dos for 5 % of the
/// steps (abnormal answers of AI calls and manual follow-ups).
internal static class DashboardSeed
{
    private const string Labels = "CASE (j - 1) % 5 WHEN 0 THEN 'D+3' WHEN 1 THEN 'D+7' WHEN 2 THEN 'D+30' WHEN 3 THEN 'D+90' ELSE 'D+180' END";

    public static async Task LoadAsync(SuifangDbContext db, int tasks, int calls)
    {
        var sqlite = db.Database.IsSqlite();
        var plans = tasks / 5;
        var aiTasks = tasks / 20 * 12;
        string Rows(string column, int count) => sqlite
            ? $"WITH RECURSIVE n({column}) AS (SELECT 1 UNION ALL SELECT {column} + 1 FROM n WHERE {column} < {count}) "
            : "";
        string From(string column, int count) => sqlite ? "FROM n" : $"FROM generate_series(1, {count}) AS {column}";
        string Time(string minutes) => sqlite
            ? $"strftime('%Y-%m-%d %H:%M:%S', '2026-01-01 00:00:00', ({minutes}) || ' minutes')"
            : $"(TIMESTAMP '2026-01-01 00:00:00' + (({minutes}) * INTERVAL '1 minute'))";
        string False = sqlite ? "0" : "FALSE";
        // Step j's window opens at a minute of 2026 spread over the whole year (7919 is prime to the 525,600 minutes).
        const string due = "(CAST(j AS BIGINT) * 7919) % 525600";
        const string plan = "((j - 1) / 5 + 1)";
        const string department = "(SELECT MIN(\"Id\") FROM \"Departments\") + (i % 20)";
        var departmentOfStep = department.Replace("(i % 20)", $"({plan} % 20)", StringComparison.Ordinal);
        const string hospital = "(SELECT MIN(\"Id\") FROM \"Hospitals\")";
        const string campus = "(SELECT MIN(\"Id\") FROM \"Campuses\")";

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA foreign_keys = OFF" : "SET session_replication_role = replica");
        await Exec(db, Rows("i", plans) + $"""
            INSERT INTO "Encounters" ("Id", "PatientId", "HospitalId", "CampusId", "VisitType", "DepartmentId", "AttendingDoctor", "VisitAt",
                "DischargeAt", "PrimaryDiagnosisCode", "PrimaryDiagnosisName", "Source", "CreatedAt")
            SELECT i, i, {hospital}, {campus}, 3, {department}, '医生' || ((i % 20) * 12 + (i / 20) % 12), {Time("(i * 2003) % 525600 - 20160")},
                {Time("(i * 2003) % 525600 - 10080")}, 'I21.9', '急性心肌梗死', 1, {Time("0")}
            {From("i", plans)}
            """);
        await Exec(db, Rows("i", plans) + $"""
            INSERT INTO "Plans" ("Id", "HospitalId", "CampusId", "PatientId", "EncounterId", "DepartmentId", "Status", "Source", "AnchorTime",
                "SmsEnabled", "CreatedAt")
            SELECT i, {hospital}, {campus}, i, i, {department}, 1, 1, {Time("0")}, {(sqlite ? "1" : "TRUE")}, {Time("0")}
            {From("i", plans)}
            """);
        await Exec(db, Rows("j", tasks) + $"""
            INSERT INTO "PlanSteps" ("Id", "PlanId", "Order", "Title", "Label", "DueFrom", "DueTo", "SourceNodeIds", "FirstChannel", "Status")
            SELECT j, {plan}, (j - 1) % 5, '随访', {Labels}, {Time(due)}, {Time(due + " + 4320")}, '', {Channel}, {StepStatus}
            {From("j", tasks)}
            """);
        await Exec(db, Rows("j", tasks) + $"""
            INSERT INTO "Tasks" ("Id", "HospitalId", "CampusId", "PatientId", "DepartmentId", "PlanId", "PlanStepId", "ChannelIndex", "Channel",
                "Queue", "Priority", "State", "Paused", "DueFrom", "DueTo", "NextAttemptAt", "Attempts", "LastAttemptNumber", "MaxAttempts",
                "RetryIntervalMinutes", "ExpectedSeconds", "IdempotencyKey", "CreatedAt", "UpdatedAt", "Version")
            SELECT j, {hospital}, {campus}, {plan}, {departmentOfStep}, {plan}, j, 0, {Channel},
                CASE {Channel} WHEN 1 THEN 'ai-call' WHEN 2 THEN 'sms' WHEN 3 THEN 'questionnaire' ELSE 'manual' END, 0, {TaskState}, {False},
                {Time(due)}, {Time(due + " + 4320")}, {Time(due)}, {Attempts}, {Attempts}, 3, 60, 180, 'dash:' || j, {Time(due)}, {Time(due)}, 0
            {From("j", tasks)}
            """);
        // Call k is attempt (k - 1) / aiTasks + 1 of the m-th AI task, m = (k - 1) % aiTasks; AI tasks are those with (j - 1) % 20 < 12.
        var j = $"((((k - 1) % {aiTasks}) / 12) * 20 + ((k - 1) % {aiTasks}) % 12 + 1)";
        var callDue = due.Replace("j", j, StringComparison.Ordinal);
        await Exec(db, Rows("k", calls) + $"""
            INSERT INTO "Calls" ("Id", "HospitalId", "CampusId", "DepartmentId", "PatientId", "TaskId", "AttemptNumber", "EffectKey", "PlanId",
                "PlanStepId", "Period", "ScriptKey", "ScriptVersion", "Telephony", "Simulated", "NumberCipher", "NumberMasked", "Status", "StartedAt",
                "AnsweredAt", "EndedAt", "End", "AnsweredByFamily", "Inbound")
            SELECT k, {hospital}, {campus}, (SELECT MIN("Id") FROM "Departments") + ((({j} - 1) / 5 + 1) % 20), ({j} - 1) / 5 + 1, {j},
                (k - 1) / {aiTasks} + 1, 'dash:' || k, ({j} - 1) / 5 + 1, {j}, {Labels.Replace("j", j, StringComparison.Ordinal)},
                'script-' || (({j} - 1) % 5), 1 + ({j} / 100) % 2, '模拟电话网络', {(sqlite ? "1" : "TRUE")}, '', '138****0000', 2,
                {Time(callDue + " + 480 + ((k - 1) / " + aiTasks + ") * 60")},
                CASE WHEN k % 10 < 7 THEN {Time(callDue + " + 480 + ((k - 1) / " + aiTasks + ") * 60")} END,
                {Time(callDue + " + 482 + ((k - 1) / " + aiTasks + ") * 60")},
                CASE WHEN k % 10 < 5 THEN 1 WHEN k % 10 < 7 THEN 2 ELSE 20 END, {False}, {False}
            {From("k", calls)}
            """);
        // To-do t: the step of an AI call (t odd: (j - 1) % 20 = 0) or of a manual follow-up (t even: (j - 1) % 20 = 18).
        var todos = tasks / 20;
        var todoStep = "(CASE WHEN t % 2 = 1 THEN (t - 1) * 20 + 1 ELSE (t - 1) * 20 + 19 END)";
        await Exec(db, Rows("t", todos) + $"""
            INSERT INTO "Todos" ("Id", "HospitalId", "DepartmentId", "PatientId", "PlanStepId", "Kind", "Urgency", "Reason", "Source", "Status", "CreatedAt", "Version")
            SELECT t, {hospital}, (SELECT MIN("Id") FROM "Departments") + ((({todoStep} - 1) / 5 + 1) % 20), ({todoStep} - 1) / 5 + 1, {todoStep},
                CASE WHEN t % 7 = 0 THEN 9 ELSE 2 END, 0, '体温≥38.5℃', CASE WHEN t % 2 = 1 THEN 'ai-call' ELSE 'manual' END, t % 2,
                {Time(due.Replace("j", todoStep, StringComparison.Ordinal) + " + 600")}, 0
            {From("t", todos)}
            """);
        await db.Database.ExecuteSqlRawAsync(sqlite ? "PRAGMA foreign_keys = ON" : "SET session_replication_role = DEFAULT");
        await db.Database.CloseConnectionAsync();
    }

    private const string Channel = "(CASE WHEN (j - 1) % 20 < 12 THEN 1 WHEN (j - 1) % 20 < 15 THEN 2 WHEN (j - 1) % 20 < 18 THEN 3 ELSE 4 END)";
    // 60 % completed, 20 % unreached, 10 % open (due), 10 % cancelled, by j / 20 so that every channel gets each state.
    private const string TaskState = "(CASE WHEN (j / 20) % 10 < 6 THEN 4 WHEN (j / 20) % 10 < 8 THEN 5 WHEN (j / 20) % 10 < 9 THEN 1 ELSE 7 END)";
    private const string StepStatus = "(CASE WHEN (j / 20) % 10 < 6 THEN 2 WHEN (j / 20) % 10 < 8 THEN 3 WHEN (j / 20) % 10 < 9 THEN 1 ELSE 4 END)";
    private const string Attempts = "(CASE WHEN (j / 20) % 10 < 6 THEN 1 + j % 2 WHEN (j / 20) % 10 < 8 THEN 3 ELSE 0 END)";

    private static Task<int> Exec(SuifangDbContext db, string sql) => db.Database.ExecuteSqlRawAsync(sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
}
