using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Data;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// Per-department tuning of the rules changes what fires (7.2.5): muted keys close at once, urgency moves up or down,
/// critical values always alert.
public sealed class AlertTuningTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task Tuning_a_department_changes_what_fires_there_and_nowhere_else(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var nurse = await w.StaffAsync("值班护士", Roles.Nurse, w.H.Cardiology.Id, "13900000001");
        await w.ShiftAsync(nurse, DayOfWeek.Monday, "00:00", "00:00");
        var patient = await w.PatientAsync();
        await using (var db = w.H.Database.NewContext())
        {
            db.AlertRuleTunings.AddRange(
                Tuning(w, "red-flag:cough", muted: true),
                Tuning(w, "trigger:PCI-D7:*", urgency: TodoUrgency.Urgent),
                Tuning(w, "critical:blood_glucose_fasting", muted: true));
            await db.SaveChangesAsync();
        }

        var muted = await w.TodoAsync(patient, TodoUrgency.Normal, "red-flag:cough");
        var lowered = await w.TodoAsync(patient, TodoUrgency.Critical, "trigger:PCI-D7:chest-pain");
        var critical = await w.TodoAsync(patient, TodoUrgency.Critical, "critical:blood_glucose_fasting", TodoKind.CriticalValue);
        var elsewhere = await w.TodoAsync(patient, TodoUrgency.Normal, "red-flag:cough", departmentId: w.H.Neurology.Id);
        await w.Dispatcher.RunOnceAsync(CancellationToken.None);

        var m = await w.ReloadAsync(muted);
        Assert.Equal((TodoStatus.Closed, TodoAction.NoActionNeeded), (m.Status, m.ClosedAction));
        Assert.Contains("咳嗽报警太多", m.ClosedNote);
        Assert.Equal(TodoUrgency.Urgent, (await w.ReloadAsync(lowered)).Urgency);
        Assert.Equal((TodoStatus.Open, TodoUrgency.Critical), ((await w.ReloadAsync(critical)).Status, (await w.ReloadAsync(critical)).Urgency));
        Assert.Equal(TodoStatus.Open, (await w.ReloadAsync(elsewhere)).Status);
        // Only the critical value was texted: the lowered trigger no longer alerts at once.
        var sms = Assert.Single(w.Sms.Provider.Requests);
        Assert.Contains($"#{critical.Id}", sms.Text);
    }

    [Fact]
    public void The_exact_key_wins_over_a_prefix()
    {
        var tunings = new[]
        {
            new AlertRuleTuning { RuleKey = "trigger:PCI-D7:*", Muted = true, Reason = "a", ChangedBy = "x" },
            new AlertRuleTuning { RuleKey = "trigger:PCI-D7:fever", Urgency = TodoUrgency.Urgent, Reason = "b", ChangedBy = "x" },
        };
        Assert.Equal("b", AlertTuning.Find(tunings, "trigger:PCI-D7:fever")?.Reason);
        Assert.Equal("a", AlertTuning.Find(tunings, "trigger:PCI-D7:pain")?.Reason);
        Assert.Null(AlertTuning.Find(tunings, "trigger:CHF:weight"));
    }

    private static AlertRuleTuning Tuning(AlertWorld w, string key, bool muted = false, TodoUrgency? urgency = null) => new()
    {
        HospitalId = w.H.Hospital.Id, DepartmentId = w.H.Cardiology.Id, RuleKey = key, Muted = muted, Urgency = urgency,
        Reason = "咳嗽报警太多，医生确认不需逐个处理", ChangedBy = "护士长", ChangedAt = w.Now,
    };
}
