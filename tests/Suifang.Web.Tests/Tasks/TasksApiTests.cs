using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Accounts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Tasks;
using Suifang.Testing;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Tasks;

/// /api/tasks (7.2.2.2 c, d): the list with its filters, the queue monitor, manual actions on a task and on a queue, and
/// the queue settings — every one scoped to the caller's departments, settings for admins only. The dispatcher is off,
/// so the tasks stay as the test put them.
public sealed class TasksApiTests
{
    private sealed record World(SuifangWebFactory App, HttpClient Admin, HttpClient Supervisor, HttpClient CardiologyNurse,
        HttpClient NeurologyNurse, int Cardiology, int Neurology, DateTime Now) : IAsyncDisposable
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
        return new World(app, await AdminClients.AdminAsync(app), await AdminClients.SignedInAsync(app, "jg.all", StaffAccounts.Password),
            await AdminClients.SignedInAsync(app, "hs.xnk", StaffAccounts.Password), await AdminClients.SignedInAsync(app, "hs.sjnk", StaffAccounts.Password),
            cardiology.Id, neurology.Id, HospitalClock.ChinaStandard().Now);
    }

    /// A task of a new patient of the department, due now unless configured otherwise.
    private static async Task<FollowUpTask> TaskAsync(World w, int departmentId, Action<FollowUpTask>? configure = null)
    {
        var patient = await HostPatients.AddAsync(w.App.Services, p => p.DischargedOn(w.Now.AddDays(-3), departmentId));
        await using var scope = w.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SuifangDbContext>();
        var task = new FollowUpTask
        {
            HospitalId = patient.HospitalId, CampusId = patient.CampusId, PatientId = patient.Id, DepartmentId = departmentId,
            Channel = ChannelKind.AiCall, Queue = TaskQueues.AiCall, State = TaskState.Due, DueFrom = w.Now.AddHours(-1), DueTo = w.Now.AddDays(2),
            NextAttemptAt = w.Now.AddMinutes(-1), IdempotencyKey = "api:" + Guid.NewGuid().ToString("N"), CreatedAt = w.Now, UpdatedAt = w.Now,
        };
        configure?.Invoke(task);
        db.Tasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }

    private static async Task<FollowUpTask> LoadAsync(World w, long id)
    {
        await using var scope = w.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SuifangDbContext>().Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string query = "")
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/tasks" + query);
        var ids = page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
        return ids;
    }

    private static async Task<JsonElement> QueueAsync(HttpClient client, string queue) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/tasks/monitor"))!.Single(q => q.GetProperty("queue").GetString() == queue);

    [Theory, ClassData(typeof(Providers))]
    public async Task The_list_shows_only_the_nurses_departments_and_filters_by_queue_state_department_and_patient(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var call = await TaskAsync(w, w.Cardiology);
        var sms = await TaskAsync(w, w.Cardiology, t => { t.Queue = TaskQueues.Sms; t.Channel = ChannelKind.Sms; });
        var failed = await TaskAsync(w, w.Cardiology, t => { t.State = TaskState.Failed; t.FinishedAt = w.Now; });
        var neurology = await TaskAsync(w, w.Neurology);

        Assert.Equal([call.Id, sms.Id, failed.Id], (await IdsAsync(w.CardiologyNurse)).Order());
        Assert.Equal([neurology.Id], await IdsAsync(w.NeurologyNurse));
        Assert.Equal([call.Id, sms.Id, failed.Id, neurology.Id], (await IdsAsync(w.Supervisor)).Order());
        Assert.Equal([sms.Id], await IdsAsync(w.CardiologyNurse, "?queue=sms"));
        Assert.Equal([failed.Id], await IdsAsync(w.CardiologyNurse, "?state=Failed"));
        Assert.Equal([neurology.Id], await IdsAsync(w.Admin, $"?departmentId={w.Neurology}"));
        Assert.Equal([call.Id], await IdsAsync(w.Admin, $"?patientId={call.PatientId}"));
        // Asking for another department's tasks by filter does not widen the scope.
        Assert.Empty(await IdsAsync(w.CardiologyNurse, $"?departmentId={w.Neurology}"));
        Assert.Empty(await IdsAsync(w.CardiologyNurse, $"?patientId={neurology.PatientId}"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_monitor_counts_the_callers_departments_against_the_hospitals_lines(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        await TaskAsync(w, w.Cardiology);
        await TaskAsync(w, w.Cardiology);
        await TaskAsync(w, w.Cardiology, t => { t.State = TaskState.Pending; t.NextAttemptAt = w.Now.AddHours(3); });
        await TaskAsync(w, w.Neurology);
        await TaskAsync(w, w.Neurology, t => { t.State = TaskState.Leased; t.LeaseOwner = "node-a"; t.LeaseExpiresAt = w.Now.AddMinutes(5); });

        var cardiology = await QueueAsync(w.CardiologyNurse, TaskQueues.AiCall);
        Assert.Equal((2, 1), (cardiology.GetProperty("due").GetInt32(), cardiology.GetProperty("pending").GetInt32()));
        // Lines are shared by the hospital: a neurology task holding one shows as busy to every department.
        Assert.Equal((1, 10), (cardiology.GetProperty("busyLines").GetInt32(), cardiology.GetProperty("poolSize").GetInt32()));
        Assert.Equal(1, (await QueueAsync(w.NeurologyNurse, TaskQueues.AiCall)).GetProperty("due").GetInt32());
        Assert.Equal(3, (await QueueAsync(w.Supervisor, TaskQueues.AiCall)).GetProperty("due").GetInt32());
        Assert.Equal(0, (await QueueAsync(w.Supervisor, TaskQueues.Sms)).GetProperty("due").GetInt32());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_nurse_pauses_resumes_cancels_and_retries_her_departments_task_and_cannot_touch_another(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var task = await TaskAsync(w, w.Cardiology);
        var other = await TaskAsync(w, w.Neurology);

        Assert.Equal(HttpStatusCode.OK, (await w.CardiologyNurse.PostAsync($"/api/tasks/{task.Id}/pause", null)).StatusCode);
        Assert.True((await LoadAsync(w, task.Id)).Paused);
        var again = await w.CardiologyNurse.PostAsync($"/api/tasks/{task.Id}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("任务已经暂停", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await w.CardiologyNurse.PostAsync($"/api/tasks/{task.Id}/resume", null)).StatusCode);
        Assert.False((await LoadAsync(w, task.Id)).Paused);
        Assert.Equal(HttpStatusCode.OK, (await w.CardiologyNurse.PostAsync($"/api/tasks/{task.Id}/cancel", null)).StatusCode);
        Assert.Equal(TaskState.Cancelled, (await LoadAsync(w, task.Id)).State);
        Assert.Equal(HttpStatusCode.OK, (await w.CardiologyNurse.PostAsync($"/api/tasks/{task.Id}/retry", null)).StatusCode);
        var retried = await LoadAsync(w, task.Id);
        Assert.Equal((TaskState.Due, 0), (retried.State, retried.Attempts));

        var foreign = await w.CardiologyNurse.PostAsync($"/api/tasks/{other.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, foreign.StatusCode);
        Assert.Contains("不属于您负责的科室", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(TaskState.Due, (await LoadAsync(w, other.Id)).State);
        var unknown = await w.CardiologyNurse.PostAsync($"/api/tasks/{task.Id}/explode", null);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("不是可用的操作", await unknown.Content.ReadAsStringAsync());
        // A supervisor watches but does not act.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Supervisor.PostAsync($"/api/tasks/{task.Id}/pause", null)).StatusCode);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_queue_action_changes_only_the_callers_departments_tasks(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var mine = await TaskAsync(w, w.Cardiology);
        var later = await TaskAsync(w, w.Cardiology, t => { t.State = TaskState.Pending; t.NextAttemptAt = w.Now.AddHours(2); });
        var sms = await TaskAsync(w, w.Cardiology, t => { t.Queue = TaskQueues.Sms; t.Channel = ChannelKind.Sms; });
        var other = await TaskAsync(w, w.Neurology);

        var paused = await w.CardiologyNurse.PostAsync("/api/tasks/queues/ai-call/pause", null);
        Assert.Equal(2, (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
        Assert.True((await LoadAsync(w, mine.Id)).Paused);
        Assert.True((await LoadAsync(w, later.Id)).Paused);
        Assert.False((await LoadAsync(w, sms.Id)).Paused);
        Assert.False((await LoadAsync(w, other.Id)).Paused);

        var cancelled = await w.Admin.PostAsync("/api/tasks/queues/ai-call/cancel", null);
        Assert.Equal(3, (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetInt32());
        Assert.Equal(TaskState.Cancelled, (await LoadAsync(w, other.Id)).State);

        var unknown = await w.Admin.PostAsync("/api/tasks/queues/fax/pause", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("不是任务队列", await unknown.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Only_an_admin_sets_a_queues_lines_and_policy_and_the_monitor_shows_them_at_once(DatabaseProvider provider)
    {
        await using var w = await StartAsync(provider);
        var input = new { poolSize = 25, policy = "Priority", emergencyMode = true, paused = false, stallMinutes = 15 };

        Assert.Equal(HttpStatusCode.Forbidden, (await w.CardiologyNurse.PutAsJsonAsync("/api/tasks/queues/ai-call", input)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Supervisor.PutAsJsonAsync("/api/tasks/queues/ai-call", input)).StatusCode);
        Assert.Equal(10, (await QueueAsync(w.CardiologyNurse, TaskQueues.AiCall)).GetProperty("poolSize").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await w.Admin.PutAsJsonAsync("/api/tasks/queues/ai-call", input)).StatusCode);
        var shown = await QueueAsync(w.CardiologyNurse, TaskQueues.AiCall);
        Assert.Equal((25, "Priority", true), (shown.GetProperty("poolSize").GetInt32(), shown.GetProperty("policy").GetString(),
            shown.GetProperty("emergencyMode").GetBoolean()));

        var wrong = await w.Admin.PutAsJsonAsync("/api/tasks/queues/ai-call", input with { poolSize = 20_000 });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("线路数须在 0 到 10000 之间", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(25, (await QueueAsync(w.Admin, TaskQueues.AiCall)).GetProperty("poolSize").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Admin.PutAsJsonAsync("/api/tasks/queues/fax", input)).StatusCode);
    }
}
