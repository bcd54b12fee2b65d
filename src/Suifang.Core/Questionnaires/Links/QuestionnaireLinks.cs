using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Questionnaires.Links;

public enum LinkState
{
    Open = 1,
    Submitted = 2,
    Expired = 3,
    /// No link has this token (mistyped, cut short, tampered with).
    Unknown = 4,
}

/// A link as the patient page needs it.
public sealed record OpenedLink(LinkState State, QuestionnaireLink? Link, QuestionnaireVersion? Version, string? HospitalName);

/// A new link with its token (the only time the token exists in clear).
public sealed record NewLink(QuestionnaireLink Link, string Token);

public static class QuestionnaireLinks
{
    /// Creates the patient's link to a published version. The token is random unless the caller derives it (the task
    /// channel derives it from the effect key with a server secret, so a resumed task finds the same token again).
    public static async Task<NewLink> CreateAsync(SuifangDbContext db, LinkRequest request, DateTime now, CancellationToken ct,
        string? token = null)
    {
        token ??= LinkTokens.New();
        var link = new QuestionnaireLink
        {
            HospitalId = request.HospitalId, DepartmentId = request.DepartmentId, PatientId = request.PatientId,
            QuestionnaireId = request.Version.QuestionnaireId, VersionId = request.Version.Id, TokenHash = LinkTokens.Hash(token),
            EffectKey = request.EffectKey, TaskId = request.TaskId, PlanId = request.PlanId, PlanStepId = request.PlanStepId,
            Period = request.Period, CreatedAt = now, ExpiresAt = now.Add(request.ValidFor), SentBy = request.SentBy,
        };
        db.QuestionnaireLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return new NewLink(link, token);
    }

    /// The link of a token and its state; the first open of an open link is recorded (markOpened) for the fill-rate figures.
    /// With a cache, the link is read alone (one query by its token hash) and the version and hospital name come from the cache.
    public static async Task<OpenedLink> OpenAsync(SuifangDbContext db, string? token, DateTime now, CancellationToken ct, bool markOpened = true,
        QuestionnaireVersionCache? cache = null)
    {
        if (!LinkTokens.LooksValid(token))
            return new(LinkState.Unknown, null, null, null);
        var hash = LinkTokens.Hash(token!);
        var link = cache is null
            ? await db.QuestionnaireLinks.AsNoTracking().Include(l => l.Version).ThenInclude(v => v!.Questionnaire).FirstOrDefaultAsync(l => l.TokenHash == hash, ct)
            : await db.QuestionnaireLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null)
            return new(LinkState.Unknown, null, null, null);
        if (cache is not null)
            link.Version = await cache.VersionAsync(db, link.VersionId, ct);
        var hospital = !markOpened ? null
            : cache is not null ? await cache.HospitalNameAsync(db, link.HospitalId, ct)
            : await db.Hospitals.AsNoTracking().Where(h => h.Id == link.HospitalId).Select(h => h.Name).FirstOrDefaultAsync(ct);
        var state = link.SubmittedAt is not null ? LinkState.Submitted : link.ExpiresAt <= now ? LinkState.Expired : LinkState.Open;
        if (markOpened && state == LinkState.Open && link.OpenedAt is null)
            await db.QuestionnaireLinks.Where(l => l.Id == link.Id && l.OpenedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.OpenedAt, now), ct);
        return new(state, link, link.Version, hospital);
    }

    /// 保存进度: the answers so far, checked leniently (gaps allowed). Does nothing once submitted or expired.
    public static async Task<LinkState> SaveProgressAsync(SuifangDbContext db, string? token, IReadOnlyDictionary<string, string> answers,
        DateTime now, CancellationToken ct, QuestionnaireVersionCache? cache = null)
    {
        var opened = await OpenAsync(db, token, now, ct, markOpened: false, cache);
        if (opened.State != LinkState.Open)
            return opened.State;
        var kept = QuestionnaireAnswers.Check(opened.Version!.Content, answers, final: false).Answers;
        var json = QuestionnaireJson.WriteAnswers(kept);
        var id = opened.Link!.Id;
        var saved = await db.QuestionnaireLinks.Where(l => l.Id == id && l.SubmittedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ProgressJson, json).SetProperty(l => l.ProgressAt, now), ct);
        return saved == 1 ? LinkState.Open : LinkState.Submitted;
    }
}

public sealed record LinkRequest(int HospitalId, int DepartmentId, long PatientId, QuestionnaireVersion Version, TimeSpan ValidFor,
    string? EffectKey = null, long? TaskId = null, long? PlanId = null, long? PlanStepId = null, string? Period = null, string? SentBy = null);
