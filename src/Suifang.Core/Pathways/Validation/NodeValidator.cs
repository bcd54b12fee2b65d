using System.Globalization;
using Suifang.Core.Pathways.Editing;

namespace Suifang.Core.Pathways.Validation;

/// One node: time point, window, questions and their triggers, channels.
internal static class NodeValidator
{
    public const int MaxQuestions = 20;

    public static string Field(NodeInput node, string part) =>
        $"节点 {PathwayText.Anchor(node.Anchor)}后 {node.Label}{(string.IsNullOrWhiteSpace(node.Title) ? "" : $"（{node.Title.Trim()}）")} · {part}";

    public static void Check(NodeInput node, Action<string, string> add)
    {
        void Add(string part, string message) => add(Field(node, part), message);

        if (string.IsNullOrWhiteSpace(node.Title))
            Add("标题", "请填写节点标题，例如“出院后一周复查”，护士在待办里看到的就是它。");
        else if (node.Title.Trim().Length > 128)
            Add("标题", "节点标题请控制在 128 个字以内。");
        if (!Enum.IsDefined(node.Anchor))
            Add("起算事件", "请选择从哪个事件起算：出院、就诊或手术。");
        if (!Enum.IsDefined(node.OffsetUnit))
            Add("时间点", "时间单位只能是天、周或月。");
        if (node.Offset < 0)
            Add("时间点", "时间点不能是负数：随访在起算事件之后进行，请填写 0 或更大的数。");
        else if (node.OffsetDays > PathwayValidator.MaxOffsetDays)
            Add("时间点", "时间点最远为起算事件后 5 年，请缩短。");
        if (node.WindowDays < 0)
            Add("窗口期", "窗口期不能是负数：填 0 表示只能在当天完成。");
        else if (node.WindowDays > PathwayValidator.MaxWindowDays)
            Add("窗口期", $"窗口期最长 {PathwayValidator.MaxWindowDays} 天，太长的窗口期会让随访失去时效。");
        if (!string.IsNullOrWhiteSpace(node.ScriptKey) && !PathwayValidator.IsKey(node.ScriptKey))
            Add("话术", "话术编码只能用小写英文字母、数字、下划线、点和短横线，以字母开头，例如 pci.d7。");

        CheckQuestions(node, Add);
        CheckTriggers(node, Add);
        ChannelValidator.Check(node.Channels, Add);
    }

    private static void CheckQuestions(NodeInput node, Action<string, string> add)
    {
        if (node.Questions.Count == 0)
            add("问题", "请至少添加一个问题：随访要了解什么，就写成一个问题。");
        else if (node.Questions.Count > MaxQuestions)
            add("问题", $"一个节点最多 {MaxQuestions} 个问题：电话太长患者会挂断，请拆到相邻节点。");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < node.Questions.Count; i++)
        {
            var q = node.Questions[i];
            var part = $"问题 {i + 1}";
            if (!PathwayValidator.IsKey(q.Key))
                add(part, "请填写问题编码：小写英文字母、数字和下划线，以字母开头，例如 temperature。相同含义的问题在各路径中用同一编码，合并计划时只问一次。");
            else if (!seen.Add(q.Key!.Trim()))
                add(part, $"问题编码“{q.Key!.Trim()}”在本节点中重复了：同一节点里每个问题的编码必须不同。");
            if (string.IsNullOrWhiteSpace(q.Text))
                add(part, "请填写问题内容，也就是要问患者的话，例如“您现在体温多少度？”。");
            else if (q.Text.Trim().Length > 200)
                add(part, "问题内容请控制在 200 个字以内。");
            if (!Enum.IsDefined(q.Kind))
                add(part, "请选择回答类型：是/否、数值、单选、日期、文字或 0–10 评分。");
            if (q.Kind == AnswerKind.Choice && PathwayText.Choices(q.Choices).Count < 2)
                add(part, "单选题请至少填写两个选项，用分号隔开，例如“按时服用;偶尔漏服;已停药”。");
            if (q.Unit?.Trim().Length > 16)
                add(part, "单位请控制在 16 个字以内，例如 ℃、mmHg。");
        }
    }

    private static void CheckTriggers(NodeInput node, Action<string, string> add)
    {
        for (var i = 0; i < node.Triggers.Count; i++)
        {
            var t = node.Triggers[i];
            var part = $"触发条件 {i + 1}";
            var question = node.Questions.FirstOrDefault(q => q.Key?.Trim() == t.QuestionKey?.Trim() && !string.IsNullOrWhiteSpace(q.Key));
            if (question is null)
                add(part, $"触发条件针对的问题“{t.QuestionKey}”不在本节点中：请从本节点的问题里选一个。");
            else if (ValueProblem(question, t) is { } problem)
                add(part, problem);
            if (!Enum.IsDefined(t.Severity))
                add(part, "请选择级别：异常（转护士待办）或危急（立即提醒）。");
            if (string.IsNullOrWhiteSpace(t.Description))
                add(part, "请写一句护士能看懂的说明，例如“体温≥38.5℃，可能伤口感染”。");
            else if (t.Description.Trim().Length > 200)
                add(part, "说明请控制在 200 个字以内。");
        }
    }

    /// Whether the operator and value suit the question's kind of answer.
    private static string? ValueProblem(QuestionInput q, TriggerInput t)
    {
        var value = t.Value?.Trim();
        if (string.IsNullOrEmpty(value))
            return "请填写触发值，例如 38.5 或“是”。";
        if (!Enum.IsDefined(t.Operator))
            return "请选择比较方式。";
        var ordering = t.Operator is TriggerOperator.GreaterOrEqual or TriggerOperator.LessOrEqual or TriggerOperator.Greater or TriggerOperator.Less;
        switch (q.Kind)
        {
            case AnswerKind.Number or AnswerKind.Score:
                if (t.Operator == TriggerOperator.Contains)
                    return "数值题不能用“包含”，请用 ≥、≤、>、< 或等于。";
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    return $"“{value}”不是数字：{PathwayText.Kind(q.Kind)}题的触发值要填数字，例如 38.5。";
                if (q.Kind == AnswerKind.Score && number is < 0 or > 10)
                    return "评分题的触发值应在 0 到 10 之间。";
                return null;
            case AnswerKind.YesNo:
                if (t.Operator is not (TriggerOperator.Equals or TriggerOperator.NotEquals))
                    return "是/否题只能用“等于”或“不等于”。";
                return value is PathwayText.Yes or PathwayText.No ? null : "是/否题的触发值只能填“是”或“否”。";
            case AnswerKind.Choice:
                if (ordering)
                    return "单选题不能比较大小，请用“等于”“不等于”或“包含”。";
                var choices = PathwayText.Choices(q.Choices);
                return t.Operator == TriggerOperator.Contains || choices.Contains(value)
                    ? null : $"“{value}”不是这道单选题的选项，请从以下选项中选：{string.Join("、", choices)}。";
            case AnswerKind.Text:
                return ordering ? "文字题不能比较大小，请用“包含”，例如包含“出血”。" : null;
            default:
                return "日期题不能设置触发条件：请改为是/否或数值题。";
        }
    }
}
