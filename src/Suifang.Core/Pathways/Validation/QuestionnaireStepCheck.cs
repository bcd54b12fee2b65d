using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Questionnaires;

namespace Suifang.Core.Pathways.Validation;

/// 问卷随访选的问卷: a questionnaire step sends the questionnaire it names — it must exist in the hospital, be published
/// (a draft has no version a patient could answer) and belong to the pathway's department or the whole hospital.
/// Without a name the step sends a questionnaire made from the node's own questions.
internal static class QuestionnaireStepCheck
{
    public static async Task<List<FieldError>> CheckAsync(SuifangDbContext db, PathwayInput input, int hospitalId, CancellationToken ct)
    {
        var named = input.Nodes.SelectMany(n => n.Channels).Where(c => c.Kind == ChannelKind.Questionnaire && !string.IsNullOrWhiteSpace(c.QuestionnaireKey))
            .Select(c => c.QuestionnaireKey!.Trim()).Distinct().ToList();
        var errors = new List<FieldError>();
        if (named.Count == 0)
            return errors;
        var found = await db.Questionnaires.AsNoTracking().Where(q => q.HospitalId == hospitalId && named.Contains(q.Key))
            .Select(q => new { q.Key, q.Title, q.Deleted, q.LatestVersion, q.DepartmentId, q.Kind }).ToListAsync(ct);
        foreach (var node in input.Nodes)
        {
            for (var i = 0; i < node.Channels.Count; i++)
            {
                var c = node.Channels[i];
                if (c.Kind != ChannelKind.Questionnaire || string.IsNullOrWhiteSpace(c.QuestionnaireKey))
                    continue;
                var field = NodeValidator.Field(node, $"随访方式 {i + 1}");
                var q = found.FirstOrDefault(x => x.Key == c.QuestionnaireKey.Trim());
                if (q is null || q.Deleted || q.Kind == QuestionnaireKind.Generated)
                    errors.Add(new FieldError(field, $"所选问卷“{c.QuestionnaireKey.Trim()}”不存在或已删除：请重新选择一份已发布的问卷，或选“按本节点的问题自动生成”。"));
                else if (q.LatestVersion == 0)
                    errors.Add(new FieldError(field, $"所选问卷“{q.Title}”还没有发布，患者无法填写：请先到“问卷管理”打开它并点“发布”，或改选一份已发布的问卷。"));
                else if (q.DepartmentId is { } d && d != input.DepartmentId)
                    errors.Add(new FieldError(field, $"所选问卷“{q.Title}”属于其他科室：请改选本科室或全院通用的问卷，或请该科室把问卷复制一份到本科室。"));
            }
        }
        return errors;
    }
}
