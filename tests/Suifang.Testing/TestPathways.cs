using Suifang.Core.Data;
using Suifang.Core.Pathways;

namespace Suifang.Testing;

/// Small published pathways for plan tests: a PCI one (D+3, D+7, D+30 with temperature and chest pain) and a
/// diabetes one (D+7 with blood sugar, temperature), sharing questions and triggers so that merging has work to do.
public static class TestPathways
{
    public static PathwayNode Node(string title, int offsetDays, int windowDays, IEnumerable<NodeQuestion>? questions = null,
        IEnumerable<TriggerRule>? triggers = null, IEnumerable<ChannelStep>? channels = null, AnchorEvent anchor = AnchorEvent.Discharge) => new()
    {
        Title = title,
        Offset = offsetDays,
        WindowDays = windowDays,
        Anchor = anchor,
        Questions = questions?.ToList() ?? [Question("general", "您最近身体怎么样？", AnswerKind.Text)],
        Triggers = triggers?.ToList() ?? [],
        Channels = channels?.ToList() ?? [AiCall(2)],
    };

    public static NodeQuestion Question(string key, string text, AnswerKind kind = AnswerKind.YesNo, bool required = true, string? choices = null) =>
        new() { Key = key, Text = text, Kind = kind, Required = required, Choices = choices };

    public static TriggerRule Trigger(string key, TriggerOperator op, string value, TriggerSeverity severity = TriggerSeverity.Abnormal) =>
        new() { QuestionKey = key, Operator = op, Value = value, Severity = severity, Description = $"{key} {op} {value}" };

    public static ChannelStep AiCall(int redials, int interval = 60) => new() { Kind = ChannelKind.AiCall, Redials = redials, RedialIntervalMinutes = interval };
    public static ChannelStep Sms(int fallbackHours = 48) => new() { Kind = ChannelKind.Questionnaire, FallbackAfterHours = fallbackHours };
    public static ChannelStep Manual() => new() { Kind = ChannelKind.Manual, Redials = 1 };

    public static Pathway Pathway(int hospitalId, int departmentId, string key, string name, string codes, params PathwayNode[] nodes)
    {
        var p = new Pathway
        {
            HospitalId = hospitalId,
            DepartmentId = departmentId,
            Key = key,
            Name = name,
            DiseaseCodes = codes,
            DiseaseNames = name,
            Status = PathwayStatus.Published,
            CreatedAt = new DateTime(2026, 1, 1),
        };
        for (var i = 0; i < nodes.Length; i++)
            nodes[i].Order = i + 1;
        p.Nodes.AddRange(nodes);
        return p;
    }

    public static Pathway Pci(int hospitalId, int departmentId) => Pathway(hospitalId, departmentId, "pci", "PCI 术后随访", "I20-I25",
        Node("术后第3天", 3, 1, [Question("temperature", "您现在体温多少度？", AnswerKind.Number), Question("chest_pain", "有没有胸痛？")],
            [Trigger("temperature", TriggerOperator.GreaterOrEqual, "38.5"), Trigger("chest_pain", TriggerOperator.Equals, "是", TriggerSeverity.Critical)],
            [AiCall(2), Sms(), Manual()]),
        Node("术后第7天", 7, 2, [Question("temperature", "您现在体温多少度？", AnswerKind.Number), Question("medication", "有没有按时服药？", required: false)],
            [Trigger("temperature", TriggerOperator.GreaterOrEqual, "38.5")],
            [AiCall(1), Manual()]),
        Node("术后第30天", 30, 3, [Question("chest_pain", "有没有胸痛？")], [Trigger("chest_pain", TriggerOperator.Equals, "是", TriggerSeverity.Critical)]));

    public static Pathway Diabetes(int hospitalId, int departmentId) => Pathway(hospitalId, departmentId, "type2-diabetes", "2 型糖尿病随访", "E11",
        Node("出院一周", 8, 3, [Question("temperature", "体温多少？", AnswerKind.Number), Question("medication", "有没有按时服药？", required: true),
                Question("glucose", "空腹血糖多少？", AnswerKind.Number)],
            [Trigger("temperature", TriggerOperator.GreaterOrEqual, "39", TriggerSeverity.Critical), Trigger("glucose", TriggerOperator.GreaterOrEqual, "16.7")],
            [AiCall(3, 30), Sms(24)]),
        Node("出院三月", 90, 7, [Question("glucose", "空腹血糖多少？", AnswerKind.Number)]));

    /// Adds the pathways (published) and returns them with their ids.
    public static async Task<List<Pathway>> AddAsync(SuifangDbContext db, params Pathway[] pathways)
    {
        db.Pathways.AddRange(pathways);
        await db.SaveChangesAsync();
        return pathways.ToList();
    }
}
