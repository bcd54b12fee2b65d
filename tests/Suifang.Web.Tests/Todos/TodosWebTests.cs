using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Security;
using Suifang.Core.Tasks;
using Suifang.Core.Todos;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Audio;
using Suifang.Testing.Calls;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Todos;

/// /api/todos (5.1.6, 7.2.4.1, 7.2.5.1 a): a call's to-do is listed for its department only with the number masked,
/// opens with the words that fired it (audited, acknowledged), its audio clip is served from the recording, a critical
/// one is refused closing without an action and a note, closing and reopening are audited, 再次电话 queues a manual task.
public sealed class TodosWebTests
{
    private sealed record World(SuifangWebFactory App, HttpClient Supervisor, HttpClient CardiologyNurse, HttpClient NeurologyNurse,
        int Cardiology, int Neurology, DateTime Now) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<World> StartAsync(DatabaseProvider provider)
    {
        var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        var neurology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.xnk", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "hs.sjnk", Roles.Nurse, "SJNK");
        await StaffAccounts.CreateAsync(app.Services, "jg.all", Roles.Supervisor);
        return new World(app, await AdminClients.SignedInAsync(app, "jg.all", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password), await AdminClients.SignedInAsync(app, "hs.sjnk", StaffAccounts.Password),
            cardiology.Id, neurology.Id, HospitalClock.ChinaStandard().Now);
    }

    /// A feverish patient of cardiology is called: the fever trigger raises a to-do.
    private static async Task<(TodoItem Todo, string Phone)> FeverTodoAsync(World w)
    {
        var phone = $"137{Random.Shared.Next(10_000_000, 99_999_999)}";
        var patient = await HostPatients.AddAsync(w.App.Services, p => p.WithPhone(phone).DischargedOn(w.Now.AddDays(-3), w.Cardiology));
        var callId = await HostCalls.CallAsync(w.App.Services, patient.Id, patient.HospitalId, patient.CampusId, w.Cardiology, Persona.Feverish, w.Now);
        await using var scope = w.App.Services.CreateAsyncScope();
        var todo = await scope.ServiceProvider.GetRequiredService<SuifangDbContext>().Todos.AsNoTracking()
            .FirstAsync(t => t.CallId == callId && t.Reason == "体温≥38.5℃，可能有感染");
        return (todo, phone);
    }

    private static async Task<T> InDbAsync<T>(World w, Func<SuifangDbContext, Task<T>> read)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SuifangDbContext>());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_calls_todo_is_listed_for_its_department_only_and_opens_with_its_evidence_audited(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var (todo, phone) = await FeverTodoAsync(w);

        var page = await w.CardiologyNurse.GetFromJsonAsync<JsonElement>("/api/todos");
        var row = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == todo.Id);
        Assert.Equal(Masking.MaskPhone(phone), row.GetProperty("phoneMasked").GetString());
        Assert.DoesNotContain(phone, page.GetRawText());
        // The counts as the tabs show them: "1000+" once capped (TodoList.CountCap), here exact.
        Assert.Equal(($"{page.GetProperty("openCount").GetInt32()}", "0", false), (page.GetProperty("openCountShown").GetString(),
            page.GetProperty("closedCountShown").GetString(), page.GetProperty("openCountIsCapped").GetBoolean()));
        Assert.Empty((await w.NeurologyNurse.GetFromJsonAsync<JsonElement>("/api/todos")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await w.NeurologyNurse.GetAsync($"/api/todos?department={w.Cardiology}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.NeurologyNurse.GetAsync($"/api/todos/{todo.Id}")).StatusCode);
        var byPhone = await w.Supervisor.GetFromJsonAsync<JsonElement>($"/api/todos?phone={phone}");
        Assert.Contains(byPhone.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == todo.Id);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.Supervisor.GetAsync("/api/todos?phone=12")).StatusCode);

        var detail = await w.CardiologyNurse.GetFromJsonAsync<JsonElement>($"/api/todos/{todo.Id}");
        var fired = detail.GetProperty("transcript").EnumerateArray().Single(t => t.GetProperty("highlight").GetBoolean());
        Assert.Equal(todo.TurnIndex, fired.GetProperty("index").GetInt32());
        Assert.Contains("三十八度六", fired.GetProperty("text").GetString());
        Assert.DoesNotContain(phone, detail.GetRawText());

        var seen = await InDbAsync(w, db => db.Todos.AsNoTracking().SingleAsync(t => t.Id == todo.Id));
        Assert.Equal("hs.xnk", seen.AcknowledgedBy);
        Assert.True(await InDbAsync(w, db => db.AuditLog.AnyAsync(a => a.EntityType == nameof(TodoItem) && a.Action == "view" && a.UserName == "hs.xnk")));
        var counts = await w.CardiologyNurse.GetFromJsonAsync<JsonElement>("/api/todos/counts");
        Assert.True(counts.GetProperty("open").GetInt32() >= 1);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_critical_todo_closes_only_with_an_action_and_a_note_and_reopens_with_a_reason(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var (todo, _) = await FeverTodoAsync(w);
        await InDbAsync(w, db => db.Todos.Where(t => t.Id == todo.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Urgency, TodoUrgency.Critical)));

        var refused = await w.CardiologyNurse.PostAsJsonAsync($"/api/todos/{todo.Id}/close", new { action = (string?)null, note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("危急待办必须先记录处理方式", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await w.NeurologyNurse.PostAsJsonAsync($"/api/todos/{todo.Id}/close", new { action = "AdvisedVisit", note = "x" })).StatusCode);

        var closed = await w.CardiologyNurse.PostAsJsonAsync($"/api/todos/{todo.Id}/close", new { action = "AdvisedVisit", note = "已电话通知患者今天来急诊" });
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var closedList = await w.CardiologyNurse.GetFromJsonAsync<JsonElement>("/api/todos?group=Closed");
        Assert.Contains(closedList.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == todo.Id);

        Assert.Equal(HttpStatusCode.BadRequest, (await w.CardiologyNurse.PostAsJsonAsync($"/api/todos/{todo.Id}/reopen", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.CardiologyNurse.PostAsJsonAsync($"/api/todos/{todo.Id}/reopen", new { reason = "患者又来电说还在发烧" })).StatusCode);
        var summaries = await InDbAsync(w, db => db.AuditLog.Where(a => a.EntityType == nameof(TodoItem)).Select(a => a.Summary).ToListAsync());
        Assert.Contains(summaries, s => s.Contains("已建议就诊") && s.Contains("已电话通知患者今天来急诊"));
        Assert.Contains(summaries, s => s.Contains("患者又来电说还在发烧"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_clip_of_the_turn_is_served_as_wav_and_audited_and_without_a_recording_the_answer_says_so(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var (todo, _) = await FeverTodoAsync(w);
        var none = await w.CardiologyNurse.GetAsync($"/api/todos/{todo.Id}/clip");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("没有录音片段", await none.Content.ReadAsStringAsync());

        var wav = Path.Combine(w.App.Database.Directory!, "todo-call.wav");
        await File.WriteAllBytesAsync(wav, TestWav.Silence(seconds: 60));
        await InDbAsync(w, db => db.Calls.Where(c => c.Id == todo.CallId).ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingPath, wav)));
        await InDbAsync(w, db => db.CallTurns.Where(t => t.CallId == todo.CallId && t.Index == todo.TurnIndex)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.StartMs, 10_000).SetProperty(t => t.EndMs, 12_000)));

        var clip = await w.CardiologyNurse.GetAsync($"/api/todos/{todo.Id}/clip");
        Assert.Equal(HttpStatusCode.OK, clip.StatusCode);
        Assert.Equal("audio/wav", clip.Content.Headers.ContentType!.MediaType);
        Assert.Equal(44 + 3 * 16_000, (await clip.Content.ReadAsByteArrayAsync()).Length); // 9.5 s .. 12.5 s at 8 kHz, 16 bit
        Assert.Equal(HttpStatusCode.Forbidden, (await w.NeurologyNurse.GetAsync($"/api/todos/{todo.Id}/clip")).StatusCode);
        Assert.True(await InDbAsync(w, db => db.AuditLog.AnyAsync(a => a.EntityType == nameof(TodoItem) && a.Summary.Contains("录音片段"))));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Call_again_queues_one_manual_task_for_the_patient(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var (todo, _) = await FeverTodoAsync(w);
        var first = await (await w.CardiologyNurse.PostAsync($"/api/todos/{todo.Id}/call-again", null)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await w.CardiologyNurse.PostAsync($"/api/todos/{todo.Id}/call-again", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(first.GetProperty("taskId").GetInt64(), again.GetProperty("taskId").GetInt64());
        var task = await InDbAsync(w, db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == first.GetProperty("taskId").GetInt64()));
        Assert.Equal((TaskQueues.Manual, TaskState.Due, todo.PatientId, w.Cardiology), (task.Queue, task.State, task.PatientId, task.DepartmentId));
        Assert.True(await InDbAsync(w, db => db.AuditLog.AnyAsync(a => a.Summary.Contains("再次电话"))));
    }
}
