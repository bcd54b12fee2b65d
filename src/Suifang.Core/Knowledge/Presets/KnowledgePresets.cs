using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;

namespace Suifang.Core.Knowledge.Presets;

/// A preset entry as shipped: departments by name or alias (empty for hospital-wide).
public sealed record KnowledgePreset(string Key, IReadOnlyList<string> Departments, string Question, IReadOnlyList<string> Variants, string Answer);

/// The knowledge base shipped with Suifang, written by the team (conservative, plain answers that send patients to a
/// doctor whenever in doubt). Loaded into each hospital once; the hospital then owns and reviews its copy.
public static class KnowledgePresets
{
    public const string Owner = "随访系统预置（请科室复核）";

    public static IReadOnlyList<KnowledgePreset> All { get; } = Load();

    private static IReadOnlyList<KnowledgePreset> Load()
    {
        using var stream = typeof(KnowledgePresets).Assembly.GetManifestResourceStream("knowledge-presets.json")
            ?? throw new InvalidOperationException("knowledge-presets.json is not embedded in Suifang.Core");
        return JsonSerializer.Deserialize<List<KnowledgePreset>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    /// Adds the presets a hospital lacks (by key) to the departments it has; returns how many were added.
    public static async Task<int> EnsureAsync(SuifangDbContext db, int hospitalId, DateTime now, CancellationToken ct = default)
    {
        var have = (await db.KnowledgeEntries.Where(e => e.HospitalId == hospitalId && e.PresetKey != null)
            .Select(e => e.PresetKey!).ToListAsync(ct)).ToHashSet();
        var departments = await db.Departments.AsNoTracking().Where(d => d.HospitalId == hospitalId && d.IsActive).ToListAsync(ct);
        var added = 0;
        foreach (var preset in All.Where(p => !have.Contains(p.Key)))
        {
            int? departmentId = null;
            if (preset.Departments.Count > 0)
            {
                if (Match(preset, departments) is not { } department)
                    continue;
                departmentId = department.Id;
            }
            db.KnowledgeEntries.Add(new KnowledgeEntry
            {
                HospitalId = hospitalId, DepartmentId = departmentId, PresetKey = preset.Key, Question = preset.Question,
                Variants = string.Join('\n', preset.Variants), Answer = preset.Answer, Owner = Owner,
                ReviewOn = DateOnly.FromDateTime(now).AddMonths(6), CreatedAt = now, CreatedBy = "system",
            });
            added++;
        }
        if (added > 0)
        {
            db.Actor ??= Audit.AuditActor.System("knowledge-presets");
            db.AuditEvent("knowledge.presets", nameof(KnowledgeEntry), null, $"载入 {added} 条预置随访知识");
            await db.SaveChangesAsync(ct);
        }
        return added;
    }

    private static Department? Match(KnowledgePreset preset, IReadOnlyList<Department> departments)
    {
        foreach (var wanted in preset.Departments)
            if (departments.FirstOrDefault(d => d.AllNames().Contains(wanted)) is { } found)
                return found;
        return null;
    }
}
