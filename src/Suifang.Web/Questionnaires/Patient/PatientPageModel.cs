using System.Text.Json;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;

namespace Suifang.Web.Questionnaires.Patient;

/// What the patient page shows.
public sealed record PatientPageModel(LinkState State, string Token, string Title, string Intro, string Hospital,
    IReadOnlyList<QuestionnaireQuestion> Questions, string LogicJson, IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<(string Key, string Problem)> Problems, DateTime? ExpiresAt, bool Preview = false, bool Safety = false)
{
    /// A choice list this long gets a filter box (type-ahead, 8.3.3).
    public const int TypeAheadFrom = 8;

    public static PatientPageModel From(OpenedLink opened, string token, IReadOnlyDictionary<string, string> answers,
        IReadOnlyList<(string Key, string Problem)> problems)
    {
        var content = opened.Version?.Content ?? new QuestionnaireContent();
        var logic = JsonSerializer.Serialize(content.Logic.Select(r => new { w = r.WhenKey, o = r.Operator.ToString(), v = r.Value, a = r.Action.ToString(), t = r.TargetKey }));
        return new PatientPageModel(opened.State, token, opened.Version?.Title ?? "", content.Intro, opened.HospitalName ?? "",
            content.Questions, logic, answers, problems, opened.Link?.ExpiresAt);
    }

    /// The designer's preview of a draft: the patient's page, nothing saved or submitted.
    public static PatientPageModel ForPreview(string title, QuestionnaireContent content) =>
        From(new OpenedLink(LinkState.Open, null, new QuestionnaireVersion { Title = title, ContentJson = QuestionnaireJson.Write(content) }, null),
            "preview", new Dictionary<string, string>(), []) with { Preview = true };

    public string? ProblemOf(string key) => Problems.FirstOrDefault(p => p.Key == key).Problem;

    public string Answer(string key) => Answers.TryGetValue(key, out var v) ? v : "";

    public bool Chosen(string key, string value) => Answer(key).Split(';').Contains(value);
}
