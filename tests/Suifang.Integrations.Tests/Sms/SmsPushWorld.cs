using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Suifang.Core.Audit;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Sms;
using Suifang.Testing;

namespace Suifang.Integrations.Tests.Sms;

/// The running app with the SMS callbacks switched on (a 64-character secret), a cardiology department, and helpers to
/// put a sent message into the outbox as a cloud provider would have accepted it. Every log line is kept, so tests can
/// check that no number is written in clear.
internal sealed class SmsPushWorld : IAsyncDisposable
{
    public const string Secret = "9c1f4e7a2b8d3c6e0f5a9b1c7d2e8f3a6b0c4d9e1f7a2b5c8d3e6f0a9b4c7d1e";

    private SmsPushWorld(SuifangWebFactory app, LogCollector logs, int departmentId) =>
        (App, Logs, Client, DepartmentId) = (app, logs, app.CreateClient(), departmentId);

    public SuifangWebFactory App { get; }
    public LogCollector Logs { get; }
    public HttpClient Client { get; }
    public int DepartmentId { get; }

    public DateTime Now => App.Services.GetRequiredService<HospitalClock>().Now;

    public static async Task<SmsPushWorld> StartAsync(DatabaseProvider provider, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sms:Callback:Secret"] = Secret,
            ["Sms:SenderEnabled"] = "false",
            ["Logging:LogLevel:Suifang.Sms.Callbacks"] = "Information",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
            settings[k] = v;
        var logs = new LogCollector();
        var db = await TestDatabase.CreateAsync(provider);
        var app = new SuifangWebFactory(db, settings, s => s.AddSingleton<ILoggerProvider>(logs));
        _ = app.Server;
        var department = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        return new SmsPushWorld(app, logs, department.Id);
    }

    public Task<Patient> PatientAsync(string name, string phone) =>
        HostPatients.AddAsync(App.Services, b => b.Named(name).WithPhone(phone).DischargedOn(Now.AddDays(-7), DepartmentId));

    /// A message handed to the provider (an hour ago unless said) and waiting for its receipt.
    public async Task<long> SentAsync(Patient patient, string provider, string providerMessageId, double hoursAgo = 1)
    {
        await using var db = Db();
        var at = Now.AddHours(-hoursAgo);
        var message = new SmsMessage
        {
            HospitalId = patient.HospitalId, DepartmentId = DepartmentId, PatientId = patient.Id, PhoneCipher = patient.PhoneCipher,
            PhoneMasked = patient.PhoneMasked, Text = "【第一人民医院】您好，请按时服药，如有不适请回复。", Purpose = SmsPurpose.FollowUp,
            EffectKey = Guid.NewGuid().ToString("N"), Provider = provider, ProviderMessageId = providerMessageId, SentAt = at,
            CreatedAt = at, Segments = 1, Attempts = 1,
        };
        message.Move(SmsSendStatus.Sent, $"已提交{provider}短信平台，等待送达回执。", at);
        db.SmsMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public SuifangDbContext Db()
    {
        var db = App.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContext();
        db.Actor = AuditActor.System("test");
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

internal sealed class LogCollector : ILoggerProvider
{
    public List<string> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Lines)
                owner.Lines.Add(formatter(state, exception) + " " + exception);
        }
    }
}
