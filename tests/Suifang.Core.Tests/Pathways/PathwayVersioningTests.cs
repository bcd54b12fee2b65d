using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.ArchivePathway;
using Suifang.Core.Pathways.CopyPathway;
using Suifang.Core.Pathways.CreatePathway;
using Suifang.Core.Pathways.DeletePathway;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Pathways.EditPathway;
using Suifang.Core.Pathways.PublishPathway;
using Suifang.Testing;

namespace Suifang.Core.Tests.Pathways;

/// 5.1.5: a used version is immutable (editing makes the next one); delete is refused while plans use it.
public sealed class PathwayVersioningTests
{
    private static Func<DateTime> Clock => () => PathwayFixtures.Now;

    private static async Task<(TestHospital H, int Id)> PublishedAsync(DatabaseProvider provider)
    {
        var h = await TestHospital.CreateAsync(provider);
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);
        await using var db = h.Database.NewContext();
        var created = await new CreatePathwayHandler(db, Clock).HandleAsync(PathwayFixtures.Valid(h.Cardiology.Id), doctor);
        Assert.True(created.Succeeded, created.Message);
        Assert.True((await new PublishPathwayHandler(db, Clock).HandleAsync(created.PathwayId!.Value, doctor)).Succeeded);
        return (h, created.PathwayId!.Value);
    }

    private static async Task<Pathway> LoadAsync(TestHospital h, int id)
    {
        await using var db = h.Database.NewContext();
        return await db.Pathways.AsNoTracking().Include(p => p.Nodes).SingleAsync(p => p.Id == id);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_draft_is_edited_in_place(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);
        await using var db = h.Database.NewContext();
        var created = await new CreatePathwayHandler(db, Clock).HandleAsync(PathwayFixtures.Valid(h.Cardiology.Id), doctor);

        var input = PathwayInput.From(await LoadAsync(h, created.PathwayId!.Value));
        input.Nodes.Add(PathwayFixtures.Node(30, "出院后 1 个月"));
        input.Nodes[0].Questions[0].Text = "今天体温多少度？";
        await using var db2 = h.Database.NewContext();
        var saved = await new EditPathwayHandler(db2, Clock).HandleAsync(created.PathwayId!.Value, input, doctor);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.False(saved.CreatedNewVersion);
        Assert.Equal(created.PathwayId, saved.PathwayId);
        var after = await LoadAsync(h, created.PathwayId!.Value);
        Assert.Equal(1, after.Version);
        Assert.Equal(1, after.Revision);
        Assert.Equal(["D+3", "D+7", "D+30"], after.Nodes.OrderBy(n => n.Order).Select(n => n.Label));
        Assert.Equal("今天体温多少度？", after.Nodes.Single(n => n.Order == 1).Questions[0].Text);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Editing_a_used_version_creates_the_next_version_and_leaves_the_used_one_unchanged(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await PathwayFixtures.PlanUsingAsync(h, id);
        var before = await LoadAsync(h, id);

        var input = PathwayInput.From(before);
        input.Nodes[0].Triggers[0].Value = "38";
        await using var db = h.Database.NewContext();
        var saved = await new EditPathwayHandler(db, Clock).HandleAsync(id, input, PathwayFixtures.Doctor(h, h.Cardiology.Id));

        Assert.True(saved.Succeeded, saved.Message);
        Assert.True(saved.CreatedNewVersion);
        Assert.Equal(2, saved.Version);
        Assert.Contains("已被 1 个随访计划使用", saved.Message);
        Assert.Contains("新版本 v2（草稿）", saved.Message);
        var used = await LoadAsync(h, id);
        Assert.Equal(PathwayStatus.Published, used.Status);
        Assert.Equal("38.5", used.Nodes.Single(n => n.Order == 1).Triggers[0].Value);
        Assert.Equal(before.Nodes.Select(n => n.Id), used.Nodes.Select(n => n.Id));
        var next = await LoadAsync(h, saved.PathwayId!.Value);
        Assert.Equal((before.Key, 2, PathwayStatus.Draft), (next.Key, next.Version, next.Status));
        Assert.Equal("38", next.Nodes.Single(n => n.Order == 1).Triggers[0].Value);
        Assert.Equal(2, next.Nodes.Count);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_version_marked_used_without_plans_is_frozen_too_and_a_second_edit_points_to_the_draft(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await using (var db = h.Database.NewContext())
            await db.Pathways.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.FirstUsedAt, PathwayFixtures.Now));
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);
        var input = PathwayInput.From(await LoadAsync(h, id));

        await using var db1 = h.Database.NewContext();
        var first = await new EditPathwayHandler(db1, Clock).HandleAsync(id, input, doctor);
        await using var db2 = h.Database.NewContext();
        var second = await new EditPathwayHandler(db2, Clock).HandleAsync(id, input, doctor);

        Assert.True(first.CreatedNewVersion);
        Assert.Equal(PathwayCommandStatus.Conflict, second.Status);
        Assert.Contains("已有一个尚未发布的草稿 v2", second.Message);
        Assert.Equal(first.PathwayId, second.PathwayId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_save_against_a_revision_changed_since_it_was_loaded_is_refused(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);
        var stale = PathwayInput.From(await LoadAsync(h, id));
        var fresh = PathwayInput.From(await LoadAsync(h, id));
        fresh.Name = "冠脉介入术后随访（改）";
        await using (var db = h.Database.NewContext())
            Assert.True((await new EditPathwayHandler(db, Clock).HandleAsync(id, fresh, doctor)).Succeeded);

        await using var db2 = h.Database.NewContext();
        var refused = await new EditPathwayHandler(db2, Clock).HandleAsync(id, stale, doctor);

        Assert.Equal(PathwayCommandStatus.Conflict, refused.Status);
        Assert.Contains("请刷新页面", refused.Message);
        Assert.Equal("冠脉介入术后随访（改）", (await LoadAsync(h, id)).Name);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Delete_is_refused_while_a_plan_uses_the_version_and_archive_is_offered(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await PathwayFixtures.PlanUsingAsync(h, id);
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);

        await using var db = h.Database.NewContext();
        var refused = await new DeletePathwayHandler(db).HandleAsync(id, doctor);

        Assert.Equal(PathwayCommandStatus.Conflict, refused.Status);
        Assert.Contains("正被 1 个随访计划使用，不能删除", refused.Message);
        Assert.Contains("请点击“归档”", refused.Message);
        await using var db2 = h.Database.NewContext();
        Assert.True((await new ArchivePathwayHandler(db2, Clock).HandleAsync(id, doctor)).Succeeded);
        Assert.Equal(PathwayStatus.Archived, (await LoadAsync(h, id)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_unused_version_is_deleted_with_its_nodes(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await using var db = h.Database.NewContext();
        var deleted = await new DeletePathwayHandler(db).HandleAsync(id, PathwayFixtures.Doctor(h, h.Cardiology.Id));

        Assert.True(deleted.Succeeded, deleted.Message);
        await using var db2 = h.Database.NewContext();
        Assert.False(await db2.Pathways.AnyAsync());
        Assert.False(await db2.PathwayNodes.AnyAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_last_version_of_a_pathway_an_enabled_plan_rule_names_is_not_deleted(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await using (var db = h.Database.NewContext())
        {
            var key = await db.Pathways.Where(p => p.Id == id).Select(p => p.Key).SingleAsync();
            db.PlanRules.Add(new Core.Plans.PlanRule { HospitalId = h.Hospital.Id, Name = "心梗出院", DiagnosisCodes = "I21", PathwayKey = key, CreatedAt = PathwayFixtures.Now });
            await db.SaveChangesAsync();
        }

        await using var db2 = h.Database.NewContext();
        var refused = await new DeletePathwayHandler(db2).HandleAsync(id, PathwayFixtures.Doctor(h, h.Cardiology.Id));

        Assert.Equal(PathwayCommandStatus.Conflict, refused.Status);
        Assert.Contains("计划规则“心梗出院”", refused.Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_copy_is_a_new_draft_pathway_with_its_own_nodes(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await using var db = h.Database.NewContext();
        var copied = await new CopyPathwayHandler(db, Clock).HandleAsync(id, null, PathwayFixtures.Doctor(h, h.Cardiology.Id));

        Assert.True(copied.Succeeded, copied.Message);
        var source = await LoadAsync(h, id);
        var copy = await LoadAsync(h, copied.PathwayId!.Value);
        Assert.NotEqual(source.Key, copy.Key);
        Assert.Equal((1, PathwayStatus.Draft, "冠脉介入术后随访（副本）"), (copy.Version, copy.Status, copy.Name));
        Assert.Equal(source.Nodes.Count, copy.Nodes.Count);
        Assert.Empty(copy.Nodes.Select(n => n.Id).Intersect(source.Nodes.Select(n => n.Id)));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_reads_but_cannot_edit_and_a_doctor_cannot_edit_another_departments_pathway(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        var input = PathwayInput.From(await LoadAsync(h, id));

        await using var db = h.Database.NewContext();
        var nurse = await new EditPathwayHandler(db, Clock).HandleAsync(id, input, h.Nurse(h.Cardiology.Id));
        var neurologist = await new EditPathwayHandler(db, Clock).HandleAsync(id, input, PathwayFixtures.Doctor(h, h.Neurology.Id));

        Assert.Equal(PathwayCommandStatus.Forbidden, nurse.Status);
        Assert.Contains("需要医生或管理员角色", nurse.Message);
        Assert.Equal(PathwayCommandStatus.Forbidden, neurologist.Status);
        Assert.Contains("不在您负责的科室范围内", neurologist.Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Covering_finds_the_newest_published_version_per_pathway(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        var doctor = PathwayFixtures.Doctor(h, h.Cardiology.Id);
        await PathwayFixtures.PlanUsingAsync(h, id);
        var input = PathwayInput.From(await LoadAsync(h, id));
        input.Name = "冠脉介入术后随访 第二版";
        int v2;
        await using (var db = h.Database.NewContext())
            v2 = (await new EditPathwayHandler(db, Clock).HandleAsync(id, input, doctor)).PathwayId!.Value;

        await using (var db = h.Database.NewContext())
            Assert.Equal([id], (await db.CoveringAsync(h.Hospital.Id, "I21.9")).Select(p => p.Id));

        await using (var db = h.Database.NewContext())
            Assert.True((await new PublishPathwayHandler(db, Clock).HandleAsync(v2, doctor)).Succeeded);
        await using var db2 = h.Database.NewContext();
        var covering = await db2.CoveringAsync(h.Hospital.Id, "I25.103", includeNodes: true);
        Assert.Equal([v2], covering.Select(p => p.Id));
        Assert.Equal(2, covering[0].Nodes.Count);
        Assert.Empty(await db2.CoveringAsync(h.Hospital.Id, "I26.9"));
        Assert.Equal([v2], (await db2.CoveringAsync(h.Hospital.Id, "Z95.5")).Select(p => p.Id));
    }
}
