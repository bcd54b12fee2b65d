using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Questionnaires.Links;

/// What the patient page reads on every request and what never (or rarely) changes: published questionnaire versions
/// with their questionnaire and parsed content — frozen once written (5.2.3), so kept for the life of the process — and
/// hospital names, kept for a minute. One instance per host (a singleton), never static: tests run many databases in
/// one process, and ids repeat between them.
public sealed class QuestionnaireVersionCache(TimeProvider? time = null)
{
    private static readonly TimeSpan NameLifetime = TimeSpan.FromMinutes(1);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<int, QuestionnaireVersion> _versions = new();
    private readonly ConcurrentDictionary<int, (string? Name, DateTimeOffset At)> _hospitals = new();

    /// The version with its Questionnaire; its Content is parsed once. Null when no version has this id.
    public async Task<QuestionnaireVersion?> VersionAsync(SuifangDbContext db, int versionId, CancellationToken ct)
    {
        if (_versions.TryGetValue(versionId, out var known))
            return known;
        var version = await db.QuestionnaireVersions.AsNoTracking().Include(v => v.Questionnaire).FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
            return null;
        _ = version.Content; // parse before sharing
        return _versions.GetOrAdd(versionId, version);
    }

    public async Task<string?> HospitalNameAsync(SuifangDbContext db, int hospitalId, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (_hospitals.TryGetValue(hospitalId, out var known) && now - known.At < NameLifetime)
            return known.Name;
        var name = await db.Hospitals.AsNoTracking().Where(h => h.Id == hospitalId).Select(h => h.Name).FirstOrDefaultAsync(ct);
        _hospitals[hospitalId] = (name, now);
        return name;
    }
}
