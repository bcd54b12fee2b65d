using Microsoft.EntityFrameworkCore;
using Suifang.Core.Alerts;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Patients.ListPatients;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// 7.2.5.1 b: a patient marked by a trend alert carries the mark, in plain words, into the patient lists until cleared.
public sealed class TrendMarkListTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_patient_whose_systolic_rises_is_marked_in_the_patient_list_with_what_worsened_until_the_mark_is_cleared(DatabaseProvider provider)
    {
        await using var w = await AlertWorld.CreateAsync(provider);
        var marked = await w.PatientAsync("王建国");
        await w.PatientAsync("李秀英");
        foreach (var (v, i) in new[] { "142", "150", "158" }.Select((v, i) => (v, i)))
            await ResultAsync(w, marked, "blood_pressure_systolic", v, AlertWorld.Monday.AddDays(-21 + 7 * i));
        await w.Results.RunOnceAsync(CancellationToken.None);

        var rows = await ListAsync(w);
        Assert.Equal("收缩压连续升高：142 → 150 → 158 mmHg（近3次随访），请医生评估", rows.Single(r => r.Name == "王建国").TrendMark);
        Assert.Null(rows.Single(r => r.Name == "李秀英").TrendMark);

        await using (var db = w.H.Database.NewContext())
        {
            await db.PatientAlertMarks.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClearedAt, w.Now).SetProperty(m => m.ClearedBy, "医生"));
        }
        Assert.All(await ListAsync(w), r => Assert.Null(r.TrendMark));
    }

    [Fact]
    public void A_falling_score_is_described_as_falling() =>
        Assert.Equal("Barthel 日常生活能力评分连续下降：80 → 70 → 60 分（近3次随访），请医生评估",
            TrendMarks.Describe("trend:barthel_score", "Barthel 日常生活能力评分 80 → 70 → 60 分（近3次随访）"));

    private static async Task<IReadOnlyList<PatientListRow>> ListAsync(AlertWorld w)
    {
        await using var db = w.H.Database.NewContext();
        var result = await PatientList.RunAsync(db, w.H.Protector, w.H.Nurse(w.H.Cardiology.Id), new(VisitType.Discharged), DateOnly.FromDateTime(w.Now));
        return result.Value!.Items;
    }

    private static async Task ResultAsync(AlertWorld w, Patient patient, string key, string value, DateTime at)
    {
        await using var db = w.H.Database.NewContext();
        db.FollowUpResults.Add(new FollowUpResult
        {
            HospitalId = w.H.Hospital.Id, DepartmentId = w.H.Cardiology.Id, PatientId = patient.Id, QuestionKey = key, Value = value,
            Said = value, Source = ResultSource.AiCall, At = at, Confirmed = true,
        });
        await db.SaveChangesAsync();
    }
}
