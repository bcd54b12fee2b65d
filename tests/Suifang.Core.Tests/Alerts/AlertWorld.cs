using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Alerts;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;
using Suifang.Core.Tests.Contact;
using Suifang.Core.Tests.Sms;
using Suifang.Core.Todos;
using Suifang.Testing;

namespace Suifang.Core.Tests.Alerts;

/// A test hospital with the real SMS outbox (scripted provider), staff accounts with mobiles, a roster and the alert
/// dispatcher, result reader and screen feed on a clock the test moves.
internal sealed class AlertWorld : IAsyncDisposable
{
    public static readonly DateTime Monday = ContactWorld.Monday;

    private AlertWorld(SmsWorld sms)
    {
        Sms = sms;
        Dispatcher = new AlertDispatcher(H.Database.NewContext, sms.Outbox, () => Now);
        Results = new ResultAlerts(H.Database.NewContext, CriticalValues.Defaults(), TrendDetector.Defaults, () => Now);
        Feed = new CriticalFeed(H.Database.NewContext, Notifier, () => Now);
    }

    public SmsWorld Sms { get; }
    public TestHospital H => Sms.H;
    public AlertDispatcher Dispatcher { get; }
    public ResultAlerts Results { get; }
    public AlertNotifier Notifier { get; } = new();
    public CriticalFeed Feed { get; }

    public DateTime Now
    {
        get => Sms.Now;
        set => Sms.Now = value;
    }

    public static async Task<AlertWorld> CreateAsync(DatabaseProvider provider) => new(await SmsWorld.CreateAsync(provider));

    /// A staff account of the role in the departments, with a mobile number when given.
    public async Task<string> StaffAsync(string name, string role, int departmentId, string? mobile = null, bool disabled = false)
    {
        await using var db = H.Database.NewContext();
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync();
        if (roleId is null)
        {
            var r = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(r);
            roleId = r.Id;
        }
        var user = new StaffUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, HospitalId = H.Hospital.Id, IsDisabled = disabled };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        db.StaffDepartments.Add(new StaffDepartment { UserId = user.Id, DepartmentId = departmentId });
        if (mobile is not null)
        {
            var phone = H.Protector.Protect(SensitiveKind.Phone, mobile);
            db.StaffMobiles.Add(new StaffMobile { UserId = user.Id, HospitalId = H.Hospital.Id, PhoneCipher = phone.Cipher, PhoneMasked = phone.Masked, UpdatedAt = Now });
        }
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async Task ShiftAsync(string userId, DayOfWeek day, string start, string end, int? departmentId = null)
    {
        await using var db = H.Database.NewContext();
        db.DutyShifts.Add(new DutyShift { HospitalId = H.Hospital.Id, DepartmentId = departmentId ?? H.Cardiology.Id, Day = day, Start = TimeOnly.Parse(start), End = TimeOnly.Parse(end), UserId = userId });
        await db.SaveChangesAsync();
    }

    public async Task SettingsAsync(Action<DutySettings> change)
    {
        await using var db = H.Database.NewContext();
        var s = await db.DutySettings.FirstOrDefaultAsync(x => x.DepartmentId == H.Cardiology.Id);
        if (s is null)
        {
            s = new DutySettings { DepartmentId = H.Cardiology.Id, HospitalId = H.Hospital.Id };
            db.DutySettings.Add(s);
        }
        change(s);
        await db.SaveChangesAsync();
    }

    public async Task<Patient> PatientAsync(string name = "王建国") =>
        (await H.AddAsync(H.Patient().Named(name).WithPhone("13812341234").DischargedOn(Monday.AddDays(-10), H.Cardiology.Id)))[0];

    /// A to-do as the call finishing would write it.
    public async Task<TodoItem> TodoAsync(Patient patient, TodoUrgency urgency, string ruleKey = "trigger:PCI-D7:chest-pain",
        TodoKind kind = TodoKind.Abnormal, int? departmentId = null)
    {
        await using var db = H.Database.NewContext();
        var todo = new TodoItem
        {
            HospitalId = H.Hospital.Id, DepartmentId = departmentId ?? H.Cardiology.Id, PatientId = patient.Id, Kind = kind, Urgency = urgency,
            Reason = "胸痛持续不缓解，可能心肌缺血", Evidence = "胸口一直疼", Source = "ai-call", CreatedAt = Now, RuleKey = ruleKey,
        };
        db.Todos.Add(todo);
        await db.SaveChangesAsync();
        return todo;
    }

    public async Task<TodoItem> ReloadAsync(TodoItem todo)
    {
        await using var db = H.Database.NewContext();
        return await db.Todos.AsNoTracking().SingleAsync(t => t.Id == todo.Id);
    }

    public async Task<List<AlertDelivery>> DeliveriesAsync()
    {
        await using var db = H.Database.NewContext();
        return await db.AlertDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Sms.DisposeAsync();
}
