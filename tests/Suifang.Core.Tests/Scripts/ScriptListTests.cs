using Suifang.Core.Scripts;
using Suifang.Core.Scripts.CreateScript;
using Suifang.Core.Scripts.ListScripts;
using Suifang.Core.Scripts.Templates;
using Suifang.Core.Data;
using Suifang.Testing;
using static Suifang.Core.Tests.Scripts.ScriptFixtures;

namespace Suifang.Core.Tests.Scripts;

public sealed class ScriptListTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task The_list_filters_by_department_purpose_and_name_and_shows_a_nurse_only_her_departments(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await using var db = h.Database.NewContext();
        foreach (var (department, name, purpose) in new[]
                 {
                     (h.Cardiology.Id, "冠脉介入术后出院随访", ScriptRecordPurpose.Discharge),
                     (h.Cardiology.Id, "心内科门诊随访", ScriptRecordPurpose.Outpatient),
                     (h.Neurology.Id, "脑卒中出院随访", ScriptRecordPurpose.Discharge),
                 })
            Assert.True((await new CreateScriptHandler(db, Checker, Clock).HandleAsync(Valid(department, name, purpose), h.Admin())).Succeeded);

        var all = await ScriptList.RunAsync(db, h.Admin(), new ScriptFilter());
        var discharge = await ScriptList.RunAsync(db, h.Admin(), new ScriptFilter(Purpose: ScriptRecordPurpose.Discharge));
        var byName = await ScriptList.RunAsync(db, h.Admin(), new ScriptFilter(Name: "门诊"));
        var neurology = await ScriptList.RunAsync(db, Nurse(h, h.Neurology.Id), new ScriptFilter());
        var cardiologyOnly = await ScriptList.RunAsync(db, h.Admin(), new ScriptFilter(DepartmentId: h.Cardiology.Id));

        Assert.Equal(3, all.Count);
        Assert.Equal(["冠脉介入术后出院随访", "脑卒中出院随访"], discharge.Select(r => r.Name).Order());
        Assert.Equal("心内科门诊随访", Assert.Single(byName).Name);
        Assert.Equal("脑卒中出院随访", Assert.Single(neurology).Name);
        Assert.All(cardiologyOnly, r => Assert.Equal("心血管内科", r.DepartmentName));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Templates_load_once_as_published_versions_in_the_matching_departments(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await using var db = h.Database.NewContext();

        var first = await new ScriptTemplateLoader(db, Clock).EnsureAsync(h.Hospital.Id);
        var second = await new ScriptTemplateLoader(db, Clock).EnsureAsync(h.Hospital.Id);

        Assert.Equal(ScriptTemplates.All.Count, first);
        Assert.Equal(0, second);
        var rows = await ScriptList.RunAsync(db, h.Admin(), new ScriptFilter());
        Assert.All(rows, r => Assert.True(r.IsTemplate && r.Status == ScriptStatus.Published && r.Version == 1));
        Assert.Equal("心血管内科", rows.Single(r => r.Key == "pci-discharge").DepartmentName);
        Assert.Equal("神经内科", rows.Single(r => r.Key == "stroke-discharge").DepartmentName);
    }
}
