using Suifang.Core.Accounts;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Plans;
using Suifang.Testing;

namespace Suifang.Core.Tests.Pathways;

/// A small valid pathway input and the staff who edit it.
internal static class PathwayFixtures
{
    public static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0);

    public static PathwayInput Valid(int departmentId) => new()
    {
        Name = "冠脉介入术后随访",
        DepartmentId = departmentId,
        DiseaseCodes = "I20-I25;Z95.5",
        DiseaseNames = "冠心病 PCI 术后",
        Nodes =
        [
            Node(3, "出院后第 3 天", 1),
            Node(7, "出院后第 7 天", 2),
        ],
    };

    public static NodeInput Node(int offset, string title, int window = 2) => new()
    {
        Title = title,
        Offset = offset,
        WindowDays = window,
        Questions =
        [
            new() { Key = "temperature", Text = "您现在体温多少度？", Kind = AnswerKind.Number, Unit = "℃" },
            new() { Key = "chest_pain", Text = "有没有胸痛？", Kind = AnswerKind.YesNo },
        ],
        Triggers =
        [
            new() { QuestionKey = "temperature", Operator = TriggerOperator.GreaterOrEqual, Value = "38.5", Description = "体温≥38.5℃" },
            new() { QuestionKey = "chest_pain", Operator = TriggerOperator.Equals, Value = "是", Severity = TriggerSeverity.Critical, Description = "胸痛" },
        ],
        Channels = NodeInput.StandardChannels(),
    };

    public static StaffScope Doctor(TestHospital h, params int[] departments) =>
        new("doctor-id", "医生甲", h.Hospital.Id, false, departments.ToHashSet(), new HashSet<string> { Roles.Doctor });

    /// A plan of a new patient built from the pathway version, as the plans module records it.
    public static async Task<FollowUpPlan> PlanUsingAsync(TestHospital h, int pathwayId)
    {
        var patient = (await h.AddAsync(h.Patient().DischargedOn(Now.AddDays(-1), h.Cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死")))[0];
        await using var db = h.Database.NewContext();
        var plan = new FollowUpPlan
        {
            HospitalId = h.Hospital.Id,
            CampusId = h.CampusId,
            PatientId = patient.Id,
            DepartmentId = h.Cardiology.Id,
            AnchorTime = Now.AddDays(-1),
            CreatedAt = Now,
            Pathways = [new PlanPathway { PathwayId = pathwayId }],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    }
}
