using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Suifang.Core.Alerts;
using Suifang.Core.Common;
using Suifang.Core.Data;
using Suifang.Core.Patients.HisSync;

namespace Suifang.Integrations.His.Demo;

/// A demo HIS that generates each day's outpatient visits and discharges for the departments the hospital has,
/// so that the daily pull and "sync now" can be shown without a real HIS. Events at or after the watermark and
/// up to now are returned, in time order; the same period pulled again yields the same records.
internal sealed class DemoHisSource(IDbContextFactory<SuifangDbContext> dbFactory, HospitalClock clock, IOptions<SuifangOptions> options)
    : IHisSource, ICriticalLabSource
{
    public const int BatchSize = 50;

    /// A demo pull never reaches back further than this, however old the watermark.
    public const int MaxDays = 31;

    public string Key => "demo";

    public string Description => "演示 HIS（自动生成每天的门诊就诊和出院患者，仅供演示）";

    public async IAsyncEnumerable<HisBatch> PullSinceAsync(DateTime watermark, [EnumeratorCancellation] CancellationToken ct)
    {
        var departments = await DepartmentsAsync(ct);
        var now = clock.Now;
        var first = DateOnly.FromDateTime(watermark);
        if (first < clock.Today.AddDays(-MaxDays))
            first = clock.Today.AddDays(-MaxDays);
        var events = new List<DemoEvent>();
        for (var day = first; day <= clock.Today; day = day.AddDays(1))
            events.AddRange(DemoDay.Generate(day, departments).Where(e => e.At >= watermark && e.At <= now));
        foreach (var chunk in events.Chunk(BatchSize))
        {
            ct.ThrowIfCancellationRequested();
            var items = chunk.Select(e => new HisItem(e.Resource, e.Record)).ToList();
            yield return new HisBatch(items, [], chunk[^1].At) { ExpectedTotal = events.Count };
        }
    }

    /// Every other day the first patient discharged that day has a critical lab two hours later (血钾 6.8 or 血糖 2.2),
    /// so that the demo shows HIS critical values (7.2.5.1 a).
    public async IAsyncEnumerable<IReadOnlyList<CriticalLab>> PullCriticalLabsSinceAsync(DateTime watermark, [EnumeratorCancellation] CancellationToken ct)
    {
        var departments = await DepartmentsAsync(ct);
        var now = clock.Now;
        var first = DateOnly.FromDateTime(watermark);
        if (first < clock.Today.AddDays(-MaxDays))
            first = clock.Today.AddDays(-MaxDays);
        var labs = new List<CriticalLab>();
        for (var day = first; day <= clock.Today; day = day.AddDays(1))
        {
            if (day.DayNumber % 2 != 0 || DemoDay.Generate(day, departments).FirstOrDefault(e => e.Record.Encounter?.VisitType == "出院") is not { } discharge)
                continue;
            var at = discharge.At.AddHours(2);
            var id = discharge.Record.HisPatientId!;
            var lab = day.DayNumber % 4 == 0
                ? new CriticalLab(id, $"Observation/demo-{id}-K", "2823-3", "血钾", "6.8", "mmol/L", "危急高值", at)
                : new CriticalLab(id, $"Observation/demo-{id}-GLU", "2345-7", "血糖", "2.2", "mmol/L", "危急低值", at);
            if (at >= watermark && at <= now)
                labs.Add(lab);
        }
        yield return labs;
    }

    private async Task<List<DemoDepartment>> DepartmentsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = options.Value.HospitalCode;
        var rows = await db.Departments.AsNoTracking()
            .Where(d => d.IsActive && db.Hospitals.Any(h => h.Id == d.HospitalId && h.Code == code))
            .OrderBy(d => d.Code)
            .Select(d => new { d.Name, d.Aliases })
            .ToListAsync(ct);
        return rows.Select(d => DemoClinical.For(d.Name, d.Aliases) is { } s ? new DemoDepartment(d.Name, s) : null)
            .OfType<DemoDepartment>().ToList();
    }
}
