using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Contact;

/// Reads a hospital's ContactPolicy, keeping it in memory until the settings' Revision changes (one small query a check).
public sealed class ContactPolicies
{
    private readonly ConcurrentDictionary<int, ContactPolicy> _cache = new();

    public async Task<ContactPolicy> GetAsync(SuifangDbContext db, int hospitalId, CancellationToken ct)
    {
        var revision = await db.ContactSettings.AsNoTracking().Where(s => s.HospitalId == hospitalId)
            .Select(s => (int?)s.Revision).FirstOrDefaultAsync(ct);
        if (_cache.TryGetValue(hospitalId, out var cached) && cached.Revision == (revision ?? -1))
            return cached;
        var policy = await LoadAsync(db, hospitalId, ct);
        _cache[hospitalId] = policy;
        return policy;
    }

    /// The saved settings and holidays; a hospital that never saved any has the defaults and the seeded holidays.
    public static async Task<ContactPolicy> LoadAsync(SuifangDbContext db, int hospitalId, CancellationToken ct)
    {
        var settings = await db.ContactSettings.AsNoTracking().FirstOrDefaultAsync(s => s.HospitalId == hospitalId, ct);
        if (settings is null)
            return ContactPolicy.From(ContactSettings.Defaults(hospitalId), ChineseHolidays.Seed.Select(h => h.Date)) with { Revision = -1 };
        var holidays = await db.Holidays.AsNoTracking().Where(h => h.HospitalId == hospitalId).Select(h => h.Date).ToListAsync(ct);
        return ContactPolicy.From(settings, holidays);
    }
}
