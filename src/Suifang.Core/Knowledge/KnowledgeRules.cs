using Suifang.Core.Accounts;

namespace Suifang.Core.Knowledge;

/// Who may change the knowledge base and what an entry must hold. Nurses and doctors keep their departments' entries;
/// hospital-wide entries (booking, records, fees) are the admins'.
public static class KnowledgeRules
{
    public const int MaxQuestion = 200;
    public const int MaxAnswer = 600;

    /// An answer the agent reads out on the phone must stay short (8.1.1, 8.3.2): about one minute of speech.
    public const int LongAnswer = 220;

    public const string ReadOnly = "您的角色只能查看知识库。新增或修改条目需要护士、医生或管理员角色。";
    public const string HospitalWideOnlyAdmin = "全院通用的条目（预约、病历复印、报销等）只有管理员可以修改。请选择您负责的科室，或联系管理员。";

    public static bool MayRead(StaffScope scope) =>
        scope.Roles.Overlaps([Roles.Admin, Roles.Doctor, Roles.Nurse, Roles.Supervisor]);

    public static bool MayWrite(StaffScope scope) =>
        scope.Roles.Overlaps([Roles.Admin, Roles.Doctor, Roles.Nurse]);

    public static string? Refusal(StaffScope scope, int? departmentId) =>
        !MayWrite(scope) ? ReadOnly
        : departmentId is null ? (scope.IsAdmin ? null : HospitalWideOnlyAdmin)
        : scope.CanSeeDepartment(departmentId.Value) ? null
        : "这个科室不在您负责的范围内，不能修改它的知识库。请选择您负责的科室。";

    /// What is wrong with an entry, in words a nurse can act on.
    public static List<string> Check(KnowledgeInput input, DateOnly today)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Question))
            errors.Add("请填写问题：患者通常怎么问，例如“伤口什么时候能沾水”。");
        else if (input.Question.Trim().Length > MaxQuestion)
            errors.Add($"问题太长（{input.Question.Trim().Length} 字），请控制在 {MaxQuestion} 字以内，把其他问法写在“其他问法”里。");
        if (string.IsNullOrWhiteSpace(input.Answer))
            errors.Add("请填写回答：AI 助手会在电话里原样读给患者听。");
        else if (input.Answer.Trim().Length > MaxAnswer)
            errors.Add($"回答太长（{input.Answer.Trim().Length} 字），电话里听不完。请控制在 {MaxAnswer} 字以内，最好不超过 {LongAnswer} 字。");
        if (string.IsNullOrWhiteSpace(input.Owner))
            errors.Add("请填写负责人：谁对这条回答的内容负责，到期由谁复核。");
        if (input.ReviewOn is null)
            errors.Add("请填写复核日期：到这一天需要重新检查回答是否仍然正确。");
        else if (input.ReviewOn < today)
            errors.Add($"复核日期 {input.ReviewOn:yyyy-MM-dd} 已经过去，请填写今天以后的日期。");
        if ((input.Variants ?? "").Length > 4000)
            errors.Add("其他问法太多，请精简到 4000 字以内。");
        return errors;
    }
}

/// What the form sends. Variants are one wording per line.
public sealed record KnowledgeInput(int? DepartmentId, string? Question, string? Variants, string? Answer, string? Owner,
    DateOnly? ReviewOn, int Revision = 0);

/// The answer of a knowledge command: done (with the entry's id), or why not, in Chinese.
public sealed record KnowledgeOutcome(string? Error = null, IReadOnlyList<string>? Errors = null, bool NotFound = false,
    bool Forbidden = false, int? Id = null)
{
    public bool Succeeded => Error is null;

    public static KnowledgeOutcome Invalid(IReadOnlyList<string> errors) => new(string.Join(" ", errors), errors);
    public static KnowledgeOutcome Missing() => new("找不到这条知识库条目，可能已被删除，请刷新列表。", NotFound: true);
    public static KnowledgeOutcome Denied(string error) => new(error, Forbidden: true);
}
