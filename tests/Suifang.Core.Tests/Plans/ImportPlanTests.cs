using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Plans.Rules;
using Suifang.Core.Tests.Patients.Import;
using Suifang.Testing;
using static Suifang.Core.Tests.Patients.Import.ImportFixture;

namespace Suifang.Core.Tests.Plans;

/// 5.1.3: patients arriving by Excel import get their plans after each committed batch; importing the file again adds none.
public sealed class ImportPlanTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task An_imported_discharge_gets_one_merged_plan_and_a_second_import_creates_none(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await using (var db = f.Database.NewContext())
        {
            await TestPathways.AddAsync(db, TestPathways.Pci(f.HospitalId, f.Cardiology), TestPathways.Diabetes(f.HospitalId, f.Cardiology));
            await DefaultPlanRules.SeedAsync(db, f.HospitalId, Now);
        }
        // Primary I21.9 (PCI rule) and secondary E11.9 (diabetes rule); the second row's K80 alone matches no pathway published here.
        var gallstones = With(With(Row("钱七", "13900005555", "ZY006"), Core.Patients.Import.ImportColumns.DiagnosisCode, "K80.2"),
            Core.Patients.Import.ImportColumns.SecondaryDiagnoses, null);
        Dictionary<string, object?>[] rows = [Row(), gallstones];

        await f.ImportAsync(Sheet(rows));
        await f.ImportAsync(Sheet(rows));

        await using var read = f.Database.NewContext();
        var plan = await read.Plans.Include(p => p.Pathways).Include(p => p.Steps).SingleAsync();
        Assert.Equal(2, plan.Pathways.Count);
        // Imported on 11-29 after a discharge on 11-10: the early steps have passed and are skipped with a note.
        Assert.Contains(await MergeNotes.ReadAsync(read, plan.MergeNotesId, default), n => n.Contains("已跳过"));
        Assert.All(plan.Steps, s => Assert.True(s.DueTo >= Now));
    }
}
