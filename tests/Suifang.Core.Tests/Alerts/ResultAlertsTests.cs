using Microsoft.EntityFrameworkCore;
using Suifang.Core.Alerts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// Critical values said by the patient (7.2.5.1 a) and worsening across follow-ups (7.2.5.1 b), read from the results
/// of any channel.
public sealed class ResultAlertsTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_glucose_of_2_5_said_on_a_call_raises_one_critical_value_todo_even_when_read_again(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var patient = await w.PatientAsync();
        await ResultAsync(w, patient, "blood_glucose_fasting", "2.5", "早上测的血糖两点五", w.Now);
        await ResultAsync(w, patient, "blood_glucose_fasting", "6.1", "六点一", w.Now);

        Assert.Equal(1, await w.Results.RunOnceAsync(CancellationToken.None));
        // A fresh reader (a restart) reads the same results again within its look-back.
        var again = new ResultAlerts(w.H.Database.NewContext, CriticalValues.Defaults(), TrendDetector.Defaults, () => w.Now);
        Assert.Equal(0, await again.RunOnceAsync(CancellationToken.None));

        await using var db = w.H.Database.NewContext();
        var todo = await db.Todos.SingleAsync();
        Assert.Equal((TodoKind.CriticalValue, TodoUrgency.Critical, "critical:blood_glucose_fasting"), (todo.Kind, todo.Urgency, todo.RuleKey));
        Assert.Equal("早上测的血糖两点五", todo.Evidence);
        Assert.Equal("ai-call", todo.Source);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Systolic_rising_over_three_follow_ups_marks_the_patient_and_raises_one_trend_todo_with_the_comparison(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var patient = await w.PatientAsync();
        var day = AlertWorld.Monday.AddDays(-28);
        foreach (var v in new[] { "142", "150", "158", "166" })
        {
            await ResultAsync(w, patient, "blood_pressure_systolic", v, v, day);
            day = day.AddDays(7);
        }

        await w.Results.RunOnceAsync(CancellationToken.None);

        await using var db = w.H.Database.NewContext();
        var todo = await db.Todos.SingleAsync();
        Assert.Equal((TodoKind.Trend, "trend:blood_pressure_systolic"), (todo.Kind, todo.RuleKey));
        Assert.Equal("收缩压 142 → 150 → 158 mmHg（近3次随访）", todo.Comparison);
        var mark = await db.PatientAlertMarks.SingleAsync();
        Assert.Equal((patient.Id, todo.Comparison), (mark.PatientId, mark.Comparison));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_department_threshold_for_a_trend_changes_whether_it_fires(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        await using (var db = w.H.Database.NewContext())
        {
            db.AlertRuleTunings.Add(new AlertRuleTuning
            {
                HospitalId = w.H.Hospital.Id, DepartmentId = w.H.Cardiology.Id, RuleKey = "trend:blood_pressure_systolic", Threshold = 30,
                Reason = "本科高血压患者波动大", ChangedBy = "护士长", ChangedAt = w.Now,
            });
            await db.SaveChangesAsync();
        }
        var patient = await w.PatientAsync();
        foreach (var (v, i) in new[] { "142", "150", "158" }.Select((v, i) => (v, i)))
            await ResultAsync(w, patient, "blood_pressure_systolic", v, v, AlertWorld.Monday.AddDays(-21 + 7 * i));

        Assert.Equal(0, await w.Results.RunOnceAsync(CancellationToken.None));
    }

    private static async Task ResultAsync(AlertWorld w, Patient patient, string key, string value, string said, DateTime at)
    {
        await using var db = w.H.Database.NewContext();
        db.FollowUpResults.Add(new FollowUpResult
        {
            HospitalId = w.H.Hospital.Id, DepartmentId = w.H.Cardiology.Id, PatientId = patient.Id, QuestionKey = key, Value = value,
            Said = said, Source = ResultSource.AiCall, At = at, Confirmed = true,
        });
        await db.SaveChangesAsync();
    }
}
