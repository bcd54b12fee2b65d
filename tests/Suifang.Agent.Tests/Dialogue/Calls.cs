using Suifang.Agent.Dialogue;
using Suifang.Agent.Scripts;
using Suifang.Agent.Understanding;

namespace Suifang.Agent.Tests.Dialogue;

/// <summary>Builds conversations for unit tests: a short script and understanding written inline.</summary>
internal static class Calls
{
    public static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    public static Script Script(params ScriptQuestion[] questions) => new()
    {
        Key = "unit", Name = "单元测试话术",
        Opening = "您好，我是{hospital}的AI智能随访助手，如需人工可以随时说转人工。",
        IdentityCheck = "请问您是{patient}本人或者家属吗？",
        Questions = questions.Length > 0 ? questions : [Fever, Temperature],
        Closing = "感谢您的配合，再见。",
    };

    public static readonly ScriptQuestion Fever = new()
    {
        Key = "fever", Text = "您有没有发烧？", Label = "发热", Symptom = "发热", Dtmf = new Dictionary<string, string> { ["1"] = "yes", ["2"] = "no" },
    };

    public static readonly ScriptQuestion Temperature = new()
    {
        Key = "temperature", Text = "您的体温是多少度？", Label = "体温", Type = AnswerType.Number, Unit = "℃", Min = 34, Max = 43,
    };

    public static readonly ScriptQuestion ChestPain = new()
    {
        Key = "chest_pain", Text = "最近有没有胸痛、胸闷？", Label = "胸痛", Symptom = "胸痛",
    };

    public static UtteranceUnderstanding U(string text, Intent intent, double confidence = 0.9) =>
        new() { Text = text, Intent = intent, Confidence = confidence };

    public static UtteranceUnderstanding Symptom(string text, string term, string surface, SymptomStatus status,
        Intent intent = Intent.Inform) =>
        new() { Text = text, Intent = intent, Confidence = 0.9, Symptoms = [new SymptomMention(term, surface, status, 0, surface.Length)] };

    public static UtteranceUnderstanding Number(string text, double n, string? unit = "℃") =>
        new() { Text = text, Intent = Intent.Inform, Confidence = 0.9, Values = [new ExtractedValue { Type = AnswerType.Number, Surface = text, Number = n, Unit = unit }] };

    /// <summary>A conversation already past the identity check ("是我"), at the first question.</summary>
    public static (IConversation Call, TableUnderstander Understander) AtFirstQuestion(Script script, IEnumerable<UtteranceUnderstanding> table,
        IReadOnlyDictionary<string, string>? knowledge = null, DialogueOptions? options = null, ConversationSetup? setup = null)
    {
        var (call, understander) = Opened(script, table, knowledge, options, setup);
        call.Reply(PatientInput.Said("是我"));
        return (call, understander);
    }

    public static (IConversation Call, TableUnderstander Understander) Opened(Script script, IEnumerable<UtteranceUnderstanding> table,
        IReadOnlyDictionary<string, string>? knowledge = null, DialogueOptions? options = null, ConversationSetup? setup = null)
    {
        var understander = new TableUnderstander(table.Append(U("是我", Intent.IsPatient)));
        var engine = new DialogueEngine(understander, knowledge is null ? TableKnowledge.Empty : new TableKnowledge(knowledge), options);
        var call = engine.Start(script, setup ?? Setup());
        call.Open();
        return (call, understander);
    }

    public static ConversationSetup Setup(string name = "张伟", bool male = true, int? age = null, CallMemory? memory = null,
        string? period = "D+7") =>
        new(name, "第一人民医院", "心内科", Now, Now.AddDays(-7), period, memory ?? CallMemory.Empty, male, age)
        {
            Sex = male ? PatientSex.Male : PatientSex.Female,
        };
}
