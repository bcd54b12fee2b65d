using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Knowledge;
using Suifang.Core.Knowledge.Presets;
using Suifang.Testing;

namespace Suifang.Core.Tests.Knowledge;

/// Entries kept by nurses and doctors of their departments, each with an owner and a review date (7.3.2.2).
public sealed class KnowledgeEditorTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 10, 0, 0);

    private static KnowledgeInput Input(int? department, string question = "伤口什么时候能沾水", int revision = 0) =>
        new(department, question, "刀口能碰水吗\n术后多久能洗澡\n刀口能碰水吗", "一般拆线后可以淋浴。", "王护士长", new DateOnly(2027, 5, 1), revision);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_nurse_adds_and_changes_an_entry_of_her_department_and_both_are_audited(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var nurse = h.Nurse(h.Cardiology.Id);
        await using (var db = h.Database.NewContext())
        {
            var created = await KnowledgeEditor.CreateAsync(db, nurse, Input(h.Cardiology.Id), Now);
            Assert.True(created.Succeeded, created.Error);
            var changed = await KnowledgeEditor.UpdateAsync(db, nurse, created.Id!.Value, Input(h.Cardiology.Id, "伤口多久能洗澡"), Now);
            Assert.True(changed.Succeeded, changed.Error);
        }
        await using var check = h.Database.NewContext();
        var entry = await check.KnowledgeEntries.SingleAsync();
        Assert.Equal("伤口多久能洗澡", entry.Question);
        Assert.Equal(["刀口能碰水吗", "术后多久能洗澡"], entry.VariantList());
        Assert.Equal(1, entry.Revision);
        Assert.Equal(2, await check.AuditLog.CountAsync(a => a.Action.StartsWith("knowledge.")));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_edit_made_on_an_old_revision_is_refused_so_nobody_overwrites_a_colleague_unseen(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var nurse = h.Nurse(h.Cardiology.Id);
        await using var db = h.Database.NewContext();
        var id = (await KnowledgeEditor.CreateAsync(db, nurse, Input(h.Cardiology.Id), Now)).Id!.Value;
        Assert.True((await KnowledgeEditor.UpdateAsync(db, nurse, id, Input(h.Cardiology.Id, "第一次修改"), Now)).Succeeded);
        var stale = await KnowledgeEditor.UpdateAsync(db, nurse, id, Input(h.Cardiology.Id, "第二次修改", revision: 0), Now);
        Assert.False(stale.Succeeded);
        Assert.Contains("刷新", stale.Error);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Other_departments_and_hospital_wide_entries_are_refused_to_a_nurse_with_a_reason(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var nurse = h.Nurse(h.Cardiology.Id);
        await using var db = h.Database.NewContext();
        var other = await KnowledgeEditor.CreateAsync(db, nurse, Input(h.Neurology.Id), Now);
        Assert.True(other.Forbidden);
        Assert.Contains("不在您负责的范围", other.Error);
        var wide = await KnowledgeEditor.CreateAsync(db, nurse, Input(null), Now);
        Assert.True(wide.Forbidden);
        Assert.Equal(KnowledgeRules.HospitalWideOnlyAdmin, wide.Error);
        Assert.True((await KnowledgeEditor.CreateAsync(db, h.Admin(), Input(null), Now)).Succeeded);
        Assert.False((await KnowledgeEditor.CreateAsync(db, h.Supervisor(), Input(h.Cardiology.Id), Now)).Succeeded);
    }

    [Fact]
    public void An_incomplete_entry_is_refused_with_what_to_fill_in()
    {
        var errors = KnowledgeRules.Check(new KnowledgeInput(1, " ", null, new string('长', 700), "", new DateOnly(2026, 1, 1)), DateOnly.FromDateTime(Now));
        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("请填写问题"));
        Assert.Contains(errors, e => e.Contains("回答太长"));
        Assert.Contains(errors, e => e.Contains("负责人"));
        Assert.Contains(errors, e => e.Contains("已经过去"));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_nurse_sees_hospital_wide_entries_and_her_departments_and_retired_ones_only_on_request(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await using var db = h.Database.NewContext();
        await KnowledgeEditor.CreateAsync(db, h.Admin(), Input(null, "复诊怎么预约"), Now);
        await KnowledgeEditor.CreateAsync(db, h.Admin(), Input(h.Neurology.Id, "中风怎么康复"), Now);
        var mine = (await KnowledgeEditor.CreateAsync(db, h.Admin(), Input(h.Cardiology.Id, "阿司匹林吃多久"), Now)).Id!.Value;
        var nurse = h.Nurse(h.Cardiology.Id);
        var today = DateOnly.FromDateTime(Now);

        Assert.Equal(["复诊怎么预约", "阿司匹林吃多久"], (await KnowledgeQuery.ListAsync(db, nurse, new(), today)).Select(v => v.Question).Order().ToList().OrderBy(q => q != "复诊怎么预约"));
        Assert.True((await KnowledgeEditor.SetRetiredAsync(db, nurse, mine, true, Now)).Succeeded);
        Assert.Single(await KnowledgeQuery.ListAsync(db, nurse, new(), today));
        Assert.Equal(2, (await KnowledgeQuery.ListAsync(db, nurse, new(IncludeRetired: true), today)).Count);
        Assert.Single(await KnowledgeQuery.ListAsync(db, nurse, new(DepartmentId: 0), today));
        Assert.Empty(await KnowledgeQuery.ListAsync(db, nurse, new(DueOnly: true), today));
        Assert.Equal(2, (await KnowledgeQuery.ListAsync(db, nurse, new(DueOnly: true, IncludeRetired: true), new DateOnly(2027, 5, 1))).Count);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Presets_go_to_the_departments_the_hospital_has_once(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await using var db = h.Database.NewContext();
        var first = await KnowledgePresets.EnsureAsync(db, h.Hospital.Id, Now);
        Assert.Equal(0, await KnowledgePresets.EnsureAsync(db, h.Hospital.Id, Now));
        var wide = KnowledgePresets.All.Count(p => p.Departments.Count == 0);
        var cardiology = KnowledgePresets.All.Count(p => p.Departments.Contains("心血管内科") || p.Departments.Contains("神经内科"));
        Assert.Equal(wide + cardiology, first);
        Assert.False(await db.KnowledgeEntries.AnyAsync(e => e.DepartmentId != null && e.DepartmentId != h.Cardiology.Id && e.DepartmentId != h.Neurology.Id));
        Assert.All(KnowledgePresets.All, p => Assert.True(p.Answer.Length <= KnowledgeRules.LongAnswer, $"{p.Key} answer is {p.Answer.Length} characters"));
    }
}
