using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Patients.Import;

/// Rows of one file that contradict each other: one visit number given to two different people.
/// (The same person and visit twice is a plain duplicate, which the writer skips.)
internal sealed class InFileConflicts
{
    private readonly Dictionary<string, (string Person, string Name, int Row)> _visits = new(StringComparer.Ordinal);

    public ImportCellError? Check(int row, ValidatedPatient p)
    {
        if (p.Encounter?.VisitNumber is not { } number)
            return null;
        var person = p.HisPatientId is not null ? $"his:{p.HisPatientId}"
            : p.IdNumber is not null ? $"id:{p.IdNumber}"
            : $"np:{p.Name}|{p.Phone}";
        if (!_visits.TryGetValue(number, out var first))
        {
            _visits[number] = (person, p.Name, row);
            return null;
        }
        return first.Person == person ? null : new ImportCellError(ImportColumns.VisitNumber,
            $"就诊号/住院号“{number}”在第 {first.Row} 行已属于患者“{first.Name}”，同一个号码不能属于两位患者。请核对这两行，改正后重新导入。");
    }
}
