using Suifang.Core.Pathways;
using Suifang.Core.Patients;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Testing;

namespace Suifang.Core.Tests.Plans;

/// Requests for the builder without a database: pathways get ids by hand.
internal static class PlanRequests
{
    public static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0);
    public static readonly DateTime Discharge = new(2026, 12, 1, 10, 0, 0);

    public static Pathway Pci() => WithIds(TestPathways.Pci(1, 1), 1);
    public static Pathway Diabetes() => WithIds(TestPathways.Diabetes(1, 1), 2);

    public static Pathway WithIds(Pathway p, int id)
    {
        p.Id = id;
        foreach (var n in p.Nodes)
            n.Id = id * 100 + n.Order;
        return p;
    }

    public static PlanPatient Patient(bool hasPhone = true) => new(7, 1, "张三", hasPhone);

    public static PlanEncounter Discharged(DateTime? at = null) => new(70, 1, 1, VisitType.Discharged, (at ?? Discharge).AddDays(-6), at ?? Discharge);

    public static PlanRequest Request(params Pathway[] pathways) => new(Patient(), Discharged(), pathways, new PlanOptions());
}
