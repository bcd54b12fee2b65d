using Suifang.Agent.Scripts;
using Suifang.Core.Pathways;

namespace Suifang.Integrations.Calls;

/// Makes a plain script (话术) from a pathway node's or plan step's questions, for nodes without a script of their own
/// and as the starting point of a new script in the editor. The opening says it is the hospital's AI assistant and that
/// a person can be asked for (disclosure of AI-generated speech); yes/no questions can be answered by key press.
public static class QuestionScripts
{
    public const string GeneratedPrefix = "generated:";

    public static Script FromNode(PathwayNode node, string? department = null) =>
        FromQuestions(GeneratedPrefix + node.Label, node.Title, node.Questions, department);

    public static Script FromQuestions(string key, string name, IEnumerable<NodeQuestion> questions, string? department = null) => new()
    {
        Key = key,
        Version = 1,
        Name = name,
        Department = department,
        Purpose = ScriptPurpose.Discharge,
        Opening = "您好，我是{hospital}的AI随访助手，代表{department}给您做一次回访，大约两三分钟。需要转人工的话，随时说“转人工”就可以。",
        IdentityCheck = "请问您是{patient}本人，或者是家属吗？",
        Questions = questions.Select(Question).ToList(),
        Closing = "好的，您的情况我们都记下了，医生会看到。祝您早日康复，再见。",
    };

    public static ScriptQuestion Question(NodeQuestion q)
    {
        var type = Type(q.Kind);
        var yesNo = type == AnswerType.YesNo;
        return new ScriptQuestion
        {
            Key = q.Key,
            Text = q.Text,
            Rephrase = "我再慢一点说一遍：" + q.Text + (yesNo ? "有的话请按1，没有请按2。" : ""),
            Type = type,
            Unit = q.Unit,
            Choices = (q.Choices ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Min = type == AnswerType.Score ? 0 : q.Unit == "℃" ? 34 : null,
            Max = type == AnswerType.Score ? 10 : q.Unit == "℃" ? 43 : null,
            Required = q.Required,
            // A temperature is read back: a misheard 38.5 raises or hides a fever (critical answer).
            Confirm = q.Unit == "℃",
            Dtmf = yesNo ? new Dictionary<string, string> { ["1"] = "yes", ["2"] = "no" } : new Dictionary<string, string>(),
        };
    }

    public static AnswerType Type(AnswerKind kind) => kind switch
    {
        AnswerKind.Number => AnswerType.Number,
        AnswerKind.Choice => AnswerType.Choice,
        AnswerKind.Date => AnswerType.Date,
        AnswerKind.Text => AnswerType.Text,
        AnswerKind.Score => AnswerType.Score,
        _ => AnswerType.YesNo,
    };
}
