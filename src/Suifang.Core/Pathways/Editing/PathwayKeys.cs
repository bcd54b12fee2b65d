using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Pathways.Editing;

/// Keys of new pathways: the department's code and a number ("xnk-3"), stable across the pathway's versions.
internal static partial class PathwayKeys
{
    public static async Task<string> NewAsync(SuifangDbContext db, int hospitalId, int departmentId, CancellationToken ct)
    {
        var code = await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Code).SingleOrDefaultAsync(ct) ?? "";
        var prefix = Plain().IsMatch(code.ToLowerInvariant()) ? code.ToLowerInvariant() : "p";
        var taken = (await db.Pathways.Where(p => p.HospitalId == hospitalId && p.Key.StartsWith(prefix + "-"))
            .Select(p => p.Key).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var n = taken.Count + 1;
        while (taken.Contains($"{prefix}-{n}"))
            n++;
        return $"{prefix}-{n}";
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,40}$")]
    private static partial Regex Plain();
}
