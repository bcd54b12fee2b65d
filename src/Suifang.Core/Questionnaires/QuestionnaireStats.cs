using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Questionnaires;

public sealed record CountOf(string Label, int Count);

public sealed record QuestionSummary(string Key, string Text, QuestionType Type, int Answered, IReadOnlyList<CountOf> Counts, double? Mean,
    IReadOnlyList<string> Texts);

/// 填写率与答案汇总 (5.3.7) of one questionnaire over the links sent in the staff member's departments.
public sealed record QuestionnaireSummary(int Sent, int Opened, int Submitted, double? MeanScore, IReadOnlyList<CountOf> Bands,
    IReadOnlyList<QuestionSummary> Questions)
{
    /// Submitted / sent, 0–1.
    public double FillRate => Sent == 0 ? 0 : (double)Submitted / Sent;
}

public static class QuestionnaireStats
{
    public static async Task<QuestionnaireSummary> SummarizeAsync(SuifangDbContext db, StaffScope staff, int questionnaireId, CancellationToken ct)
    {
        var links = db.QuestionnaireLinks.Where(l => l.QuestionnaireId == questionnaireId && l.HospitalId == staff.HospitalId
            && (staff.AllDepartments || staff.DepartmentIds.Contains(l.DepartmentId)));
        var sent = await links.CountAsync(ct);
        var opened = await links.CountAsync(l => l.OpenedAt != null, ct);
        var responses = await db.QuestionnaireResponses.Where(r => r.QuestionnaireId == questionnaireId && r.HospitalId == staff.HospitalId
                && (staff.AllDepartments || staff.DepartmentIds.Contains(r.DepartmentId)))
            .OrderByDescending(r => r.SubmittedAt).Take(5000).Select(r => new { r.AnswersJson, r.Score, r.Band }).ToListAsync(ct);
        var latest = await db.QuestionnaireVersions.Where(v => v.QuestionnaireId == questionnaireId).OrderByDescending(v => v.Version)
            .Select(v => v.ContentJson).FirstOrDefaultAsync(ct);
        var content = latest is null ? (await db.Questionnaires.Where(q => q.Id == questionnaireId).Select(q => q.DraftJson).FirstAsync(ct)) : latest;
        var questions = QuestionnaireJson.Read(content).Questions;
        var answers = responses.Select(r => QuestionnaireJson.ReadAnswers(r.AnswersJson)).ToList();
        var scores = responses.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        var bands = responses.Where(r => r.Band is not null).GroupBy(r => r.Band!).Select(g => new CountOf(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ToList();
        return new QuestionnaireSummary(sent, opened, responses.Count, scores.Count > 0 ? Math.Round(scores.Average(), 2) : null, bands,
            questions.Select(q => Summarize(q, answers)).ToList());
    }

    private static QuestionSummary Summarize(QuestionnaireQuestion q, List<Dictionary<string, string>> answers)
    {
        var values = answers.Select(a => a.GetValueOrDefault(q.Key)).OfType<string>().Where(v => v.Length > 0).ToList();
        IReadOnlyList<CountOf> counts = [];
        double? mean = null;
        IReadOnlyList<string> texts = [];
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                var chosen = values.SelectMany(v => v.Split(';', StringSplitOptions.RemoveEmptyEntries)).ToList();
                counts = q.Options.Select(o => new CountOf(o.Label, chosen.Count(c => c == o.Value))).ToList();
                break;
            case QuestionType.Number or QuestionType.Rating:
                var numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null)
                    .OfType<double>().ToList();
                mean = numbers.Count > 0 ? Math.Round(numbers.Average(), 2) : null;
                counts = numbers.GroupBy(n => n).OrderBy(g => g.Key)
                    .Select(g => new CountOf(g.Key.ToString("0.##", CultureInfo.InvariantCulture), g.Count())).ToList();
                break;
            default:
                texts = values.Take(20).ToList();
                break;
        }
        return new QuestionSummary(q.Key, q.Text, q.Type, values.Count, counts, mean, texts);
    }
}
