using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Audit;
using Suifang.Core.Contact;
using Suifang.Core.Organization;
using Suifang.Core.Patients;
using Suifang.Core.Patients.HisSync;
using Suifang.Core.Patients.Import;
using Suifang.Core.Pathways;
using Suifang.Core.Plans;
using Suifang.Core.Tasks;

namespace Suifang.Core.Data;

/// The one EF Core context. Each provider has its own subclass so that each keeps its own migrations.
/// Changes to patient data are written to the audit chain in the same transaction (see AuditRecorder).
public abstract class SuifangDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    private readonly List<AuditEntry> _manualAudit = [];
    private readonly List<Patient> _appended = [];

    public DbSet<Hospital> Hospitals => Set<Hospital>();
    public DbSet<Campus> Campuses => Set<Campus>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<StaffDepartment> StaffDepartments => Set<StaffDepartment>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Encounter> Encounters => Set<Encounter>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<HisSyncRun> HisSyncRuns => Set<HisSyncRun>();
    public DbSet<Pathway> Pathways => Set<Pathway>();
    public DbSet<PathwayNode> PathwayNodes => Set<PathwayNode>();
    public DbSet<Scripts.ScriptRecord> Scripts => Set<Scripts.ScriptRecord>();
    public DbSet<PlanRule> PlanRules => Set<PlanRule>();
    public DbSet<FollowUpPlan> Plans => Set<FollowUpPlan>();
    public DbSet<PlanStep> PlanSteps => Set<PlanStep>();
    public DbSet<PlanContent> PlanContents => Set<PlanContent>();
    public DbSet<FollowUpTask> Tasks => Set<FollowUpTask>();
    public DbSet<TaskAttempt> TaskAttempts => Set<TaskAttempt>();
    public DbSet<TaskQueueSetting> TaskQueueSettings => Set<TaskQueueSetting>();
    public DbSet<Tasks.Simulated.SimulatedEffect> SimulatedEffects => Set<Tasks.Simulated.SimulatedEffect>();
    public DbSet<ContactSettings> ContactSettings => Set<ContactSettings>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<DoNotContactEntry> DoNotContacts => Set<DoNotContactEntry>();
    public DbSet<FollowUpConsent> Consents => Set<FollowUpConsent>();
    public DbSet<Knowledge.KnowledgeEntry> KnowledgeEntries => Set<Knowledge.KnowledgeEntry>();
    public DbSet<Calls.Call> Calls => Set<Calls.Call>();
    public DbSet<Calls.CallTurn> CallTurns => Set<Calls.CallTurn>();
    public DbSet<Calls.FollowUpResult> FollowUpResults => Set<Calls.FollowUpResult>();
    public DbSet<Calls.PatientCallFlag> PatientCallFlags => Set<Calls.PatientCallFlag>();
    public DbSet<Calls.InboundCall> InboundCalls => Set<Calls.InboundCall>();
    public DbSet<Todos.TodoItem> Todos => Set<Todos.TodoItem>();
    public DbSet<Statistics.Rollup.StatisticsDay> StatisticsDays => Set<Statistics.Rollup.StatisticsDay>();
    public DbSet<Statistics.Rollup.StatisticsBatchDay> StatisticsBatchDays => Set<Statistics.Rollup.StatisticsBatchDay>();
    public DbSet<Statistics.Rollup.StatisticsRolledDay> StatisticsRolledDays => Set<Statistics.Rollup.StatisticsRolledDay>();
    public DbSet<Sms.SmsMessage> SmsMessages => Set<Sms.SmsMessage>();
    public DbSet<Sms.SmsStatusChange> SmsStatusChanges => Set<Sms.SmsStatusChange>();
    public DbSet<Sms.SmsTemplate> SmsTemplates => Set<Sms.SmsTemplate>();
    public DbSet<Sms.SmsBatch> SmsBatches => Set<Sms.SmsBatch>();
    public DbSet<Sms.SmsReply> SmsReplies => Set<Sms.SmsReply>();
    public DbSet<Questionnaires.Questionnaire> Questionnaires => Set<Questionnaires.Questionnaire>();
    public DbSet<Questionnaires.QuestionnaireVersion> QuestionnaireVersions => Set<Questionnaires.QuestionnaireVersion>();
    public DbSet<Questionnaires.Links.QuestionnaireLink> QuestionnaireLinks => Set<Questionnaires.Links.QuestionnaireLink>();
    public DbSet<Questionnaires.Links.QuestionnaireResponse> QuestionnaireResponses => Set<Questionnaires.Links.QuestionnaireResponse>();
    public DbSet<ManualFollowUp.ManualFormTemplate> ManualFormTemplates => Set<ManualFollowUp.ManualFormTemplate>();
    public DbSet<ManualFollowUp.ManualQueueEntry> ManualQueue => Set<ManualFollowUp.ManualQueueEntry>();
    public DbSet<ManualFollowUp.ManualRecord> ManualRecords => Set<ManualFollowUp.ManualRecord>();
    public DbSet<Quality.QualitySample> QualitySamples => Set<Quality.QualitySample>();
    public DbSet<Quality.QualityFinding> QualityFindings => Set<Quality.QualityFinding>();
    public DbSet<Quality.AnswerReview> AnswerReviews => Set<Quality.AnswerReview>();
    public DbSet<Quality.QualitySettings> QualitySettings => Set<Quality.QualitySettings>();
    public DbSet<Quality.RetentionRun> RetentionRuns => Set<Quality.RetentionRun>();
    public DbSet<Alerts.DutySettings> DutySettings => Set<Alerts.DutySettings>();
    public DbSet<Alerts.DutyShift> DutyShifts => Set<Alerts.DutyShift>();
    public DbSet<Alerts.DutyOverride> DutyOverrides => Set<Alerts.DutyOverride>();
    public DbSet<Alerts.StaffMobile> StaffMobiles => Set<Alerts.StaffMobile>();
    public DbSet<Alerts.AlertDelivery> AlertDeliveries => Set<Alerts.AlertDelivery>();
    public DbSet<Alerts.AlertCursor> AlertCursors => Set<Alerts.AlertCursor>();
    public DbSet<Alerts.AlertRuleTuning> AlertRuleTunings => Set<Alerts.AlertRuleTuning>();
    public DbSet<Alerts.PatientAlertMark> PatientAlertMarks => Set<Alerts.PatientAlertMark>();

    /// Who is making the changes saved by this context. Required whenever patient data changes.
    public AuditActor? Actor { get; set; }

    /// Large batches (Excel import) set this: new patients, encounters and audit entries are then written with
    /// multi-row inserts (see BulkAppend) instead of one statement per row. Same rows, same audit chain.
    public bool BulkAppend { get; set; }

    /// Hands a certainly new patient (with its encounters) to the next SaveChanges, which inserts it without change
    /// tracking and audits it like a tracked insert (see UntrackedAppend). The save consumes it whether it commits or not.
    internal void AppendNew(Patient patient) => _appended.Add(patient);

    /// Time source for audit entries; hospital local time.
    public Func<DateTime> Now { get; set; } = () => Common.HospitalClock.ChinaStandard().Now;

    /// Records an event that is not a change of a row, e.g. opening a patient's archive.
    public void AuditEvent(string action, string entityType, string? entityId, string summary, string? changes = null)
    {
        var actor = Actor ?? throw MissingActor();
        _manualAudit.Add(new AuditEntry
        {
            At = Now(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            Changes = changes,
        });
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SuifangDbContext).Assembly);
    }

    /// Serialises writers of the audit chain across nodes (PostgreSQL advisory lock); the in-process gate covers one node.
    protected virtual Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Detect changes once: auditing reads the tracker several times and saves twice, and with
        // automatic detection each of those walks every tracked entity again (a batch import tracks thousands).
        ChangeTracker.DetectChanges();
        foreach (var todo in ChangeTracker.Entries<Todos.TodoItem>().Where(e => e.State == EntityState.Modified))
            todo.Property(t => t.Version).CurrentValue++;
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        AuditRecorder.RejectAuditTampering(ChangeTracker);
        var captured = AuditRecorder.Capture(ChangeTracker);
        if (captured.Count == 0 && _manualAudit.Count == 0 && _appended.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var actor = Actor ?? throw MissingActor();

        await AuditRecorder.Gate.WaitAsync(cancellationToken);
        try
        {
            var ownTransaction = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken)
                : null;
            await using (ownTransaction)
            {
                await LockAuditChainAsync(cancellationToken);
                var saved = await UntrackedAppend.InsertAsync(this, _appended, cancellationToken);
                if (BulkAppend)
                    saved += await AppendNewPatientsAsync(cancellationToken);
                saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                var at = Now();
                var entries = UntrackedAppend.AuditEntries(Model, _appended, actor, at)
                    .Concat(captured.Select(c => c.ToEntry(actor, at))).Concat(_manualAudit).ToList();
                await AuditRecorder.ChainAsync(this, entries, cancellationToken);
                if (BulkAppend)
                {
                    await Data.BulkAppend.InsertUntrackedAsync(this, entries, cancellationToken);
                    saved += entries.Count;
                }
                else
                {
                    AuditLog.AddRange(entries);
                    saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                _manualAudit.Clear();
                if (ownTransaction is not null)
                    await ownTransaction.CommitAsync(cancellationToken);
                return saved;
            }
        }
        finally
        {
            _appended.Clear();
            AuditRecorder.Gate.Release();
        }
    }

    private async Task<int> AppendNewPatientsAsync(CancellationToken ct)
    {
        var patients = ChangeTracker.Entries<Patient>().Where(e => e.State == EntityState.Added).Cast<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>().ToList();
        await Data.BulkAppend.InsertAsync(this, patients, ct);
        // The patients' keys have reached their new encounters' foreign keys through EF's fix-up.
        var encounters = ChangeTracker.Entries<Encounter>().Where(e => e.State == EntityState.Added).Cast<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>().ToList();
        await Data.BulkAppend.InsertAsync(this, encounters, ct);
        var diagnoses = ChangeTracker.Entries<Diagnosis>().Where(e => e.State == EntityState.Added).Cast<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>().ToList();
        await Data.BulkAppend.InsertAsync(this, diagnoses, ct);
        return patients.Count + encounters.Count + diagnoses.Count;
    }

    private static InvalidOperationException MissingActor() =>
        new("写入患者数据前必须指明操作人（DbContext.Actor），否则无法留下审计记录。");
}
