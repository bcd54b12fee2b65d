using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Audit;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Todos;
using Suifang.Testing;
using Suifang.Testing.Audio;

namespace Suifang.Core.Tests.Todos;

/// 7.2.5.1 a / 5.1.6: closing needs the action taken (and a note) for a critical to-do; reopening needs a reason;
/// opening acknowledges; everything is scoped and audited.
public sealed class TodoCommandTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_critical_todo_cannot_be_closed_without_an_action_and_a_note(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var todo = await world.AddAsync(world.Zhang, world.Hospital.Cardiology.Id, TodoKind.CriticalValue, TodoUrgency.Critical, TodoWorld.Now);
        var nurse = world.Hospital.Nurse(world.Hospital.Cardiology.Id);

        await using (var db = world.Hospital.Database.NewContext())
        {
            var noAction = await TodoCommands.CloseAsync(db, nurse, todo.Id, null, "已处理", TodoWorld.Now);
            Assert.Contains("危急待办必须先记录处理方式", noAction.Error);
            var noNote = await TodoCommands.CloseAsync(db, nurse, todo.Id, TodoAction.AdvisedVisit, "  ", TodoWorld.Now);
            Assert.False(noNote.Ok);
        }
        await using (var db = world.Hospital.Database.NewContext())
            Assert.Equal(TodoStatus.Open, (await db.Todos.SingleAsync()).Status);
        await using (var db = world.Hospital.Database.NewContext())
            Assert.True((await TodoCommands.CloseAsync(db, nurse, todo.Id, TodoAction.AdvisedVisit, "已电话通知患者去急诊", TodoWorld.Now)).Ok);

        await using var check = world.Hospital.Database.NewContext();
        var closed = await check.Todos.SingleAsync();
        Assert.Equal((TodoStatus.Closed, TodoAction.AdvisedVisit, "已电话通知患者去急诊", "护士甲"), (closed.Status, closed.ClosedAction, closed.ClosedNote, closed.ClosedBy));
        Assert.Equal(TodoWorld.Now, closed.AcknowledgedAt);
        var audit = await check.AuditLog.Where(a => a.EntityType == nameof(TodoItem)).ToListAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.Update && a.Summary.Contains("已建议就诊") && a.UserName == "护士甲");
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_normal_todo_closes_without_a_note_and_reopens_only_with_a_reason(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var todo = await world.AddAsync(world.Zhang, world.Hospital.Cardiology.Id, TodoKind.Unreached, TodoUrgency.Normal, TodoWorld.Now);
        var nurse = world.Hospital.Nurse(world.Hospital.Cardiology.Id);
        await using (var db = world.Hospital.Database.NewContext())
            Assert.True((await TodoCommands.CloseAsync(db, nurse, todo.Id, TodoAction.CalledBack, null, TodoWorld.Now)).Ok);
        await using (var db = world.Hospital.Database.NewContext())
        {
            Assert.Contains("原因", (await TodoCommands.ReopenAsync(db, nurse, todo.Id, "")).Error);
            Assert.True((await TodoCommands.ReopenAsync(db, nurse, todo.Id, "患者再次来电说胸闷")).Ok);
        }
        await using var check = world.Hospital.Database.NewContext();
        var reopened = await check.Todos.SingleAsync();
        Assert.Equal((TodoStatus.Open, (TodoAction?)null, (DateTime?)null), (reopened.Status, reopened.ClosedAction, reopened.ClosedAt));
        Assert.Contains(await check.AuditLog.Select(a => a.Summary).ToListAsync(), s => s.Contains("患者再次来电说胸闷") && s.Contains("已电话回访"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Opening_a_todo_is_audited_acknowledges_it_and_is_refused_outside_the_users_departments(DatabaseProvider provider)
    {
        await using var world = await TodoWorld.CreateAsync(provider);
        var todo = await world.AddAsync(world.Wang, world.Hospital.Neurology.Id, TodoKind.Handoff, TodoUrgency.Urgent, TodoWorld.Now.AddMinutes(-30));
        await using (var db = world.Hospital.Database.NewContext())
        {
            Assert.Equal(Access.Forbidden, (await TodoDetail.OpenAsync(db, world.Hospital.Nurse(world.Hospital.Cardiology.Id), todo.Id, TodoWorld.Now)).Access);
            Assert.Equal(Access.Forbidden, (await TodoCommands.CloseAsync(db, world.Hospital.Nurse(world.Hospital.Cardiology.Id), todo.Id, TodoAction.Other, "x", TodoWorld.Now)).Access);
        }
        await using (var db = world.Hospital.Database.NewContext())
        {
            var opened = await TodoDetail.OpenAsync(db, world.Hospital.Nurse(world.Hospital.Neurology.Id), todo.Id, TodoWorld.Now);
            Assert.Equal(("王五", "139****2222", false), (opened.Value!.PatientName, opened.Value.PhoneMasked, opened.Value.CallHasRecording));
        }
        await using var check = world.Hospital.Database.NewContext();
        var seen = await check.Todos.SingleAsync();
        Assert.Equal((TodoWorld.Now, "护士甲"), (seen.AcknowledgedAt, seen.AcknowledgedBy));
        Assert.Single(await check.AuditLog.Where(a => a.EntityType == nameof(TodoItem) && a.Action == AuditActions.View).ToListAsync());
    }

    [Fact]
    public void The_evidence_words_are_marked_inside_the_turn()
    {
        Assert.Equal([("这两天", false), ("胸口疼", true), ("得厉害", false)], TodoDetail.Highlight("这两天胸口疼得厉害", "胸口疼"));
        Assert.Equal([("还好", false)], TodoDetail.Highlight("还好", "胸口疼"));
    }

    [Fact]
    public void The_clip_holds_the_turns_time_range_with_a_margin_as_a_wav_of_its_own()
    {
        const int rate = 8000;
        var pcm = new byte[rate * 2 * 10]; // 10 s of 16-bit mono
        for (var i = 0; i < pcm.Length / 2; i++)
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), (short)(i / rate)); // each second has its own value
        var wav = TestWav.Of(pcm);

        var clip = WavClip.Cut(wav, 3_500, 5_000)!;

        var length = BinaryPrimitives.ReadInt32LittleEndian(clip.AsSpan(40));
        Assert.Equal(2_500 * rate / 1000 * 2, length); // from 3.0 s to 5.5 s
        Assert.Equal(3, BinaryPrimitives.ReadInt16LittleEndian(clip.AsSpan(44)));
        Assert.Equal(5, BinaryPrimitives.ReadInt16LittleEndian(clip.AsSpan(clip.Length - 2)));
        Assert.Null(WavClip.Cut("not a wav file"u8.ToArray(), 0, 1000));
    }
}
