using Suifang.Core.Questionnaires;

namespace Suifang.Web.Pathways;

/// The published questionnaires the editor offers a questionnaire step, cascaded from the editor page to the channel
/// table; filtered by the department the pathway belongs to at the moment (it may change while editing).
public sealed record PathwayQuestionnaires(IReadOnlyList<QuestionnaireChoice> All, Func<int> DepartmentId)
{
    public IEnumerable<QuestionnaireChoice> ForDepartment() => All.Where(q => q.FitsDepartment(DepartmentId()));

    public string NameOf(string? key) => All.FirstOrDefault(q => q.Key == key)?.Title ?? key ?? "";
}
