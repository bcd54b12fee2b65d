using Microsoft.EntityFrameworkCore;
using Suifang.Core.Scripts;
using Suifang.Core.Scripts.ArchiveScript;
using Suifang.Core.Scripts.CopyScript;
using Suifang.Core.Scripts.CreateScript;
using Suifang.Core.Scripts.DeleteScript;
using Suifang.Core.Scripts.Editing;
using Suifang.Core.Scripts.EditScript;
using Suifang.Core.Scripts.PublishScript;
using Suifang.Core.Data;
using Suifang.Testing;
using static Suifang.Core.Tests.Scripts.ScriptFixtures;

namespace Suifang.Core.Tests.Scripts;

/// Scripts version like pathways (5.1.4, 7.2.3.1 b): a version used on a call is immutable, editing it makes the next
/// version, deleting it is refused with the reason and archive offered.
public sealed class ScriptVersioningTests
{
    private static async Task<(TestHospital H, int Id)> PublishedAsync(DatabaseProvider provider)
    {
        var h = await TestHospital.CreateAsync(provider);
        await using var db = h.Database.NewContext();
        var nurse = Nurse(h, h.Cardiology.Id);
        var created = await new CreateScriptHandler(db, Checker, Clock).HandleAsync(Valid(h.Cardiology.Id), nurse);
        Assert.True(created.Succeeded, created.Message);
        var published = await new PublishScriptHandler(db, Checker, Clock).HandleAsync(created.ScriptId!.Value, nurse);
        Assert.True(published.Succeeded, published.Message);
        return (h, created.ScriptId!.Value);
    }

    private static async Task<ScriptRecord> LoadAsync(TestHospital h, int id)
    {
        await using var db = h.Database.NewContext();
        return await db.Scripts.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private static async Task MarkUsedAsync(TestHospital h, int id)
    {
        await using var db = h.Database.NewContext();
        Assert.Equal(1, await ScriptUsage.MarkUsedAsync(db, id, Now));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_unused_version_is_edited_in_place_and_a_stale_revision_is_refused(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        var input = ScriptInput.From(await LoadAsync(h, id));
        input.Name = "PCI 术后随访（修订）";

        await using var db = h.Database.NewContext();
        var saved = await new EditScriptHandler(db, Checker, Clock).HandleAsync(id, input, Nurse(h, h.Cardiology.Id));
        await using var db2 = h.Database.NewContext();
        var stale = await new EditScriptHandler(db2, Checker, Clock).HandleAsync(id, input, Nurse(h, h.Cardiology.Id));

        Assert.True(saved.Succeeded, saved.Message);
        Assert.False(saved.CreatedNewVersion);
        var after = await LoadAsync(h, id);
        Assert.Equal((1, "PCI 术后随访（修订）"), (after.Version, after.Name));
        Assert.Equal(ScriptCommandStatus.Conflict, stale.Status);
        Assert.Contains("已被“护士乙”修改过", stale.Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Editing_a_version_used_on_a_call_creates_the_next_draft_and_leaves_the_used_one_as_the_call_heard_it(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await MarkUsedAsync(h, id);
        var input = ScriptInput.From(await LoadAsync(h, id));
        input.Json = Json.Replace("再见", "祝您早日康复，再见");

        await using var db = h.Database.NewContext();
        var saved = await new EditScriptHandler(db, Checker, Clock).HandleAsync(id, input, Nurse(h, h.Cardiology.Id));
        await using var db2 = h.Database.NewContext();
        var again = await new EditScriptHandler(db2, Checker, Clock).HandleAsync(id, input, Nurse(h, h.Cardiology.Id));

        Assert.True(saved.Succeeded, saved.Message);
        Assert.True(saved.CreatedNewVersion);
        Assert.Equal(2, saved.Version);
        Assert.Contains("保存为新版本 v2（草稿）", saved.Message);
        Assert.Equal((ScriptStatus.Published, Json), ((await LoadAsync(h, id)).Status, (await LoadAsync(h, id)).Json));
        var next = await LoadAsync(h, saved.ScriptId!.Value);
        Assert.Equal((ScriptStatus.Draft, next.Key), (next.Status, (await LoadAsync(h, id)).Key));
        Assert.Contains("祝您早日康复", next.Json);
        Assert.Equal(ScriptCommandStatus.Conflict, again.Status);
        Assert.Contains("请打开草稿 v2 继续修改", again.Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Deleting_a_used_version_is_refused_with_the_reason_and_archiving_it_works(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await MarkUsedAsync(h, id);

        await using var db = h.Database.NewContext();
        var deleted = await new DeleteScriptHandler(db).HandleAsync(id, Nurse(h, h.Cardiology.Id));
        var archived = await new ArchiveScriptHandler(db, Clock).HandleAsync(id, Nurse(h, h.Cardiology.Id));
        var edited = await new EditScriptHandler(db, Checker, Clock).HandleAsync(id, Valid(h.Cardiology.Id), Nurse(h, h.Cardiology.Id));

        Assert.Equal(ScriptCommandStatus.Conflict, deleted.Status);
        Assert.Contains("已在随访电话中使用过，不能删除", deleted.Message);
        Assert.Contains("请点击“归档”", deleted.Message);
        Assert.True(archived.Succeeded);
        Assert.Equal(ScriptStatus.Archived, (await LoadAsync(h, id)).Status);
        Assert.Contains("已归档，不能再修改", edited.Message);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task An_unused_draft_is_deleted_and_a_copy_is_a_new_draft_with_its_own_key(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await using var db = h.Database.NewContext();

        var copy = await new CopyScriptHandler(db, Clock).HandleAsync(id, null, Nurse(h, h.Cardiology.Id));
        var deleted = await new DeleteScriptHandler(db).HandleAsync(copy.ScriptId!.Value, Nurse(h, h.Cardiology.Id));

        Assert.True(copy.Succeeded, copy.Message);
        Assert.NotEqual((await LoadAsync(h, id)).Key, copy.Key);
        Assert.StartsWith("xnk-s", copy.Key);
        Assert.True(deleted.Succeeded, deleted.Message);
        await using var db2 = h.Database.NewContext();
        Assert.False(await db2.Scripts.AnyAsync(s => s.Id == copy.ScriptId));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Publishing_is_refused_while_the_checker_finds_errors_and_the_draft_stays_saved(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await using var db = h.Database.NewContext();
        var input = Valid(h.Cardiology.Id);
        input.Json = Json.Replace("AI智能随访助手", "随访中心");

        var created = await new CreateScriptHandler(db, Checker, Clock).HandleAsync(input, Nurse(h, h.Cardiology.Id));
        var published = await new PublishScriptHandler(db, Checker, Clock).HandleAsync(created.ScriptId!.Value, Nurse(h, h.Cardiology.Id));
        var unreadable = await new CreateScriptHandler(db, Checker, Clock).HandleAsync(new ScriptInput { Name = "坏的", DepartmentId = h.Cardiology.Id, Json = "{" }, Nurse(h, h.Cardiology.Id));

        Assert.True(created.Succeeded);
        Assert.Single(created.Problems);
        Assert.Equal(ScriptCommandStatus.Invalid, published.Status);
        Assert.Contains("还有 1 处问题，改好后才能发布", published.Message);
        Assert.Equal(ScriptStatus.Draft, (await LoadAsync(h, created.ScriptId!.Value)).Status);
        Assert.Equal(ScriptCommandStatus.Invalid, unreadable.Status);
        Assert.Contains(unreadable.Errors, e => e.Field == "内容");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_cannot_change_another_department_s_script_or_put_one_there(DatabaseProvider provider)
    {
        var (h, id) = await PublishedAsync(provider);
        await using var _ = h;
        await using var db = h.Database.NewContext();
        var neurologyNurse = Nurse(h, h.Neurology.Id);

        var edit = await new EditScriptHandler(db, Checker, Clock).HandleAsync(id, Valid(h.Neurology.Id), neurologyNurse);
        var create = await new CreateScriptHandler(db, Checker, Clock).HandleAsync(Valid(h.Cardiology.Id), neurologyNurse);

        Assert.Equal(ScriptCommandStatus.Forbidden, edit.Status);
        Assert.Contains("不在您负责的科室范围内", edit.Message);
        Assert.Equal(ScriptCommandStatus.Forbidden, create.Status);
        Assert.Contains("“心血管内科”不在您的科室范围内", create.Message);
    }
}
