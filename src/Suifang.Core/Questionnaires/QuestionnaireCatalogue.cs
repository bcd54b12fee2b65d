using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways;
using Suifang.Core.Questionnaires.Scales;

namespace Suifang.Core.Questionnaires;

/// Questionnaires the platform writes itself: the standard scales installed into each hospital, and a questionnaire
/// made from a plan step's questions when the step names none (so every preset pathway's questionnaire channel works).
public static class QuestionnaireCatalogue
{
    /// Adds the standard scales a hospital lacks, each published as version 1. Returns how many were added.
    public static async Task<int> InstallScalesAsync(SuifangDbContext db, int hospitalId, DateTime now, CancellationToken ct)
    {
        var have = await db.Questionnaires.Where(q => q.HospitalId == hospitalId).Select(q => q.Key).ToListAsync(ct);
        var added = 0;
        foreach (var scale in StandardScales.All.Where(s => !have.Contains(s.Key)))
        {
            db.Questionnaires.Add(Published(hospitalId, null, scale.Key, scale.Title, scale.Description, scale.Kind, scale.Content, now));
            added++;
        }
        if (added > 0)
            await db.SaveChangesAsync(ct);
        return added;
    }

    /// The published version of the questionnaire made from these questions (one per distinct set of questions).
    public static async Task<QuestionnaireVersion> ForQuestionsAsync(SuifangDbContext db, int hospitalId, string title,
        IReadOnlyList<NodeQuestion> questions, DateTime now, CancellationToken ct)
    {
        var content = new QuestionnaireContent
        {
            Intro = "请根据您最近的实际情况回答，约 2 分钟。",
            Questions = questions.Select(FromNodeQuestion).ToList(),
        };
        var json = QuestionnaireJson.Write(content);
        var key = "step-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + json)))[..16];
        var found = await db.QuestionnaireVersions.Include(v => v.Questionnaire)
            .FirstOrDefaultAsync(v => v.Questionnaire!.HospitalId == hospitalId && v.Questionnaire.Key == key, ct);
        if (found is not null)
            return found;
        var made = Published(hospitalId, null, key, title, "由随访路径节点的问题自动生成", QuestionnaireKind.Generated, content, now);
        db.Questionnaires.Add(made);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another task made it at the same moment (unique hospital + key).
            db.ChangeTracker.Clear();
            return await db.QuestionnaireVersions.Include(v => v.Questionnaire)
                .FirstAsync(v => v.Questionnaire!.HospitalId == hospitalId && v.Questionnaire.Key == key, ct);
        }
        return made.Versions[0];
    }

    public static QuestionnaireQuestion FromNodeQuestion(NodeQuestion q) => new()
    {
        Key = q.Key,
        Text = q.Text,
        Required = q.Required,
        Unit = q.Unit,
        Type = q.Kind switch
        {
            AnswerKind.YesNo or AnswerKind.Choice => QuestionType.SingleChoice,
            AnswerKind.Number => QuestionType.Number,
            AnswerKind.Date => QuestionType.Date,
            AnswerKind.Score => QuestionType.Rating,
            _ => QuestionType.Text,
        },
        RatingStyle = RatingStyle.ZeroToTen,
        Options = q.Kind switch
        {
            AnswerKind.YesNo => SurveyScales.YesNo(),
            AnswerKind.Choice => (q.Choices ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => new QuestionOption { Value = c, Label = c }).ToList(),
            _ => [],
        },
    };

    private static Questionnaire Published(int hospitalId, int? departmentId, string key, string title, string description,
        QuestionnaireKind kind, QuestionnaireContent content, DateTime now)
    {
        var json = QuestionnaireJson.Write(content);
        var q = new Questionnaire
        {
            HospitalId = hospitalId, DepartmentId = departmentId, Key = key, Title = title, Description = description, Kind = kind,
            DraftJson = json, DraftChanged = false, LatestVersion = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = "系统",
        };
        q.Versions.Add(new QuestionnaireVersion { Version = 1, Title = title, ContentJson = json, PublishedAt = now, PublishedBy = "系统" });
        return q;
    }
}
