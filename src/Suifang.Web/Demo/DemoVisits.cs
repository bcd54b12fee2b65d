using Suifang.Core.Patients;

namespace Suifang.Web.Demo;

/// Times and numbers of demo encounters: clinic visits in working hours, admissions at any hour,
/// discharges in the morning; 门诊号 MZ + date + sequence, 住院号 ZY + sequence.
internal sealed class DemoVisits(DateTime now)
{
    private int _outpatientSequence;
    private int _inpatientSequence = 2_400_000;

    public (VisitType Type, DateTime VisitAt, DateTime? DischargeAt, string Number) Next(Random r, DemoDepartment demo, bool recent)
    {
        var inpatient = r.NextDouble() < demo.InpatientShare;
        if (!inpatient)
        {
            var day = now.Date.AddDays(-(recent ? r.Next(0, 56) : r.Next(60, 720)));
            var at = day.AddHours(8).AddMinutes(r.Next(0, 9 * 60));
            if (at > now)
                at = now.AddMinutes(-r.Next(5, 120));
            return (VisitType.Outpatient, at, null, $"MZ{at:yyMMdd}{++_outpatientSequence:D5}");
        }

        var number = $"ZY{++_inpatientSequence}";
        var stay = r.Next(demo.MinStayDays, demo.MaxStayDays + 1);
        if (recent && r.NextDouble() < 0.15)
        {
            // Still in hospital: admitted within the last stay length, not yet discharged.
            var admitted = now.AddDays(-r.Next(0, Math.Max(1, stay))).Date.AddHours(r.Next(0, 24)).AddMinutes(r.Next(0, 60));
            return (VisitType.Inpatient, admitted < now ? admitted : now.AddHours(-r.Next(1, 6)), null, number);
        }
        var discharged = now.Date.AddDays(-(recent ? r.Next(1, 57) : r.Next(60, 720))).AddHours(r.Next(9, 12)).AddMinutes(r.Next(0, 60));
        var admittedAt = discharged.Date.AddDays(-stay).AddHours(r.Next(0, 24)).AddMinutes(r.Next(0, 60));
        return (VisitType.Discharged, admittedAt, discharged, number);
    }
}
