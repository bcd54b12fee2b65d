using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Suifang.Core.Data;
using Suifang.Core.Patients;

namespace Suifang.Core.Audit;

/// Turns tracked changes of patient data into audit entries and links them into the hash chain.
internal static class AuditRecorder
{
    public static readonly SemaphoreSlim Gate = new(1, 1);

    public static void RejectAuditTampering(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("审计日志只能追加，不能修改或删除。");
    }

    public static List<CapturedChange> Capture(ChangeTracker tracker)
    {
        var changes = new List<CapturedChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not (Patient or Encounter))
                continue;
            // A new row's snapshot is taken when the entry is written (ToEntry), after saving: then it holds the
            // real keys, not EF's temporary ones.
            if (entry.State == EntityState.Added)
                changes.Add(new CapturedChange(entry, EntityState.Added, null));
            else if (entry.State == EntityState.Deleted)
                changes.Add(new CapturedChange(entry, entry.State, Snapshot(entry, original: true)));
            else if (entry.State == EntityState.Modified || HasModifiedOwned(entry))
                changes.Add(new CapturedChange(entry, EntityState.Modified, Diff(entry)));
        }
        return changes;
    }

    public static async Task ChainAsync(SuifangDbContext db, List<AuditEntry> entries, CancellationToken ct)
    {
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        var id = last?.Id ?? 0;
        var previous = last?.Hash ?? "";
        foreach (var e in entries)
        {
            // Every database keeps at least milliseconds; the hash must survive the round trip.
            e.At = new DateTime(e.At.Ticks - e.At.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Unspecified);
            e.Id = ++id;
            e.PreviousHash = previous;
            e.Hash = previous = e.ComputeHash();
        }
        Observability.SuifangMetrics.AuditEntries.Add(entries.Count);
    }

    private static bool HasModifiedOwned(EntityEntry entry) =>
        entry.Navigations.Any(n => n.Metadata.TargetEntityType.IsOwned() && n.CurrentValue is System.Collections.IEnumerable items
            && items.Cast<object>().Any(i => entry.Context.Entry(i).State != EntityState.Unchanged));

    private static Dictionary<string, object?> Snapshot(EntityEntry entry, bool original) =>
        entry.Properties.Where(p => Recorded(p.Metadata))
            .ToDictionary(p => p.Metadata.Name, p => original ? p.OriginalValue : p.CurrentValue);

    /// The entry of a new row inserted without the change tracker (see UntrackedAppend): the same snapshot as a
    /// tracked new row's, read from the object through the model's getters.
    public static AuditEntry NewRowEntry(IEntityType type, object entity, AuditActor actor, DateTime at) =>
        BuildEntry(entity, type.ClrType, EntityState.Added, SnapshotJson.Write(type, entity, Recorded), softDeleted: false, actor, at);

    private static bool Recorded(IReadOnlyProperty p) => !IsSecret(p.Name) && !p.IsPrimaryKey();

    private static Dictionary<string, object?> Diff(EntityEntry entry)
    {
        var diff = new Dictionary<string, object?>();
        foreach (var p in entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            if (IsSecret(p.Metadata.Name))
                continue;
            diff[p.Metadata.Name] = new { 原值 = p.OriginalValue, 新值 = p.CurrentValue };
        }
        if (entry.Entity is Encounter enc && HasModifiedOwned(entry))
            diff["SecondaryDiagnoses"] = enc.SecondaryDiagnoses.Select(d => $"{d.Code} {d.Name}").ToList();
        return diff;
    }

    /// Cipher text and search indexes never enter the log; the masked form does.
    private static bool IsSecret(string property) =>
        property.EndsWith("Cipher", StringComparison.Ordinal) || property.EndsWith("Index", StringComparison.Ordinal);

    internal sealed record CapturedChange(EntityEntry Entry, EntityState State, Dictionary<string, object?>? CapturedValues)
    {
        public AuditEntry ToEntry(AuditActor actor, DateTime at)
        {
            var values = CapturedValues ?? Snapshot(Entry, original: false);
            var softDeleted = State == EntityState.Modified && values.ContainsKey("DeletedAt")
                && Entry.Property("DeletedAt").CurrentValue is not null;
            return BuildEntry(Entry.Entity, Entry.Metadata.ClrType, State, JsonSerializer.Serialize(values, SnapshotJson.Options), softDeleted, actor, at);
        }
    }

    private static AuditEntry BuildEntry(object entity, Type clrType, EntityState state, string changes, bool softDeleted,
        AuditActor actor, DateTime at)
    {
        var (type, id, label) = entity switch
        {
            Patient p => ("Patient", p.Id.ToString(), $"患者 {p.Name}（ID {p.Id}）"),
            Encounter e => ("Encounter", e.Id.ToString(), $"患者 ID {e.PatientId} 的就诊记录 {e.VisitNumber ?? e.Id.ToString()}"),
            _ => (clrType.Name, null, clrType.Name),
        };
        var (action, verb) = state switch
        {
            EntityState.Added => (AuditActions.Create, "新建"),
            EntityState.Deleted => (AuditActions.Delete, "删除"),
            _ when softDeleted => (AuditActions.Delete, "删除"),
            _ => (AuditActions.Update, "修改"),
        };
        return new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = type,
            EntityId = id,
            Summary = $"{verb}{label}",
            Changes = changes,
        };
    }
}
