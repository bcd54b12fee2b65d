using Microsoft.EntityFrameworkCore;
using Suifang.Core.Alerts;
using Suifang.Core.Data;
using Suifang.Core.Tests.Contact;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// Critical values reported by HIS (7.2.5.1 a): one critical to-do per observation in the patient's department.
public sealed class CriticalLabIntakeTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_critical_lab_from_HIS_raises_one_critical_todo_and_a_lab_of_an_unknown_patient_is_returned(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        await using (var db = w.H.Database.NewContext())
        {
            var p = w.H.Patient().Named("赵丽华").DischargedOn(AlertWorld.Monday.AddDays(-3), w.H.Cardiology.Id).Build();
            p.HisPatientId = "MRN-77";
            db.Patients.Add(p);
            await db.SaveChangesAsync();
        }
        var potassium = new CriticalLab("MRN-77", "Observation/k1", "2823-3", "血钾", "6.8", "mmol/L", "危急高值", AlertWorld.Monday.At("09:30"));
        var stranger = potassium with { HisPatientId = "MRN-404", ObservationId = "Observation/k2" };

        await using (var db = w.H.Database.NewContext())
        {
            var (raised, unknown) = await CriticalLabIntake.RaiseAsync(db, w.H.Hospital.Id, [potassium, stranger], w.Now, CancellationToken.None);
            Assert.Equal(1, raised);
            Assert.Equal("MRN-404", Assert.Single(unknown).HisPatientId);
        }
        await using (var db = w.H.Database.NewContext())
            Assert.Equal(0, (await CriticalLabIntake.RaiseAsync(db, w.H.Hospital.Id, [potassium], w.Now, CancellationToken.None)).Raised);

        await using var check = w.H.Database.NewContext();
        var todo = await check.Todos.SingleAsync();
        Assert.Equal((TodoKind.CriticalValue, TodoUrgency.Critical, "critical:2823-3", w.H.Cardiology.Id), (todo.Kind, todo.Urgency, todo.RuleKey, todo.DepartmentId));
        Assert.Contains("血钾 6.8 mmol/L", todo.Reason);
        Assert.Equal("his", todo.Source);
    }
}
