using System.Runtime.CompilerServices;
using Suifang.Core.Patients.HisSync;
using Suifang.Core.Patients.Writing;

namespace Suifang.Integrations.Tests.His;

/// A HIS that serves prepared batches after the watermark, and can fail after some or hold until released.
internal sealed class ScriptedSource(params HisBatch[] batches) : IHisSource
{
    public string Key => "scripted";
    public string Description => "测试 HIS";
    public List<DateTime> Calls { get; } = [];
    public int FailAfter { get; set; } = int.MaxValue;
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource? Hold { get; set; }

    public async IAsyncEnumerable<HisBatch> PullSinceAsync(DateTime watermark, [EnumeratorCancellation] CancellationToken ct)
    {
        Calls.Add(watermark);
        Started.TrySetResult();
        if (Hold is { } hold)
            await hold.Task.WaitAsync(ct);
        var served = 0;
        foreach (var batch in batches.Where(b => b.Watermark > watermark))
        {
            if (served++ == FailAfter)
                throw new HisSourceException("HIS 服务器暂时无法访问（HTTP 503），已重试 3 次");
            yield return batch;
        }
    }

    public static HisBatch Batch(DateTime watermark, params int[] people) =>
        new(people.Select(n => new HisItem($"Encounter/e{n}", Person(n))).ToList(), [], watermark);

    public static PatientRecord Person(int n) => new()
    {
        HisPatientId = $"H{n}",
        Name = "赵" + "一二三四五六七八九十"[n % 10] + "明",
        Gender = "男",
        Phone = $"1380000{n:D4}",
        Encounter = new EncounterRecord
        {
            VisitNumber = $"MZ{n:D6}",
            VisitType = "门诊",
            Department = "心内科",
            AttendingDoctor = "王建军",
            VisitAt = new DateTime(2026, 11, 28, 9, 0, 0).AddMinutes(n),
            PrimaryDiagnosisCode = "I10",
            PrimaryDiagnosisName = "原发性高血压",
        },
    };
}
