using System.Text.Json;
using System.Text.RegularExpressions;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Patients.Writing;
using Suifang.Core.Security;
using Suifang.Integrations.His.Demo;

namespace Suifang.Integrations.Tests.His;

public sealed partial class DemoHisTests
{
    private static readonly Department[] Departments =
    [
        new() { Id = 1, HospitalId = 1, Code = "XNK", Name = "心血管内科", Aliases = "心内科" },
        new() { Id = 2, HospitalId = 1, Code = "EK", Name = "儿科" },
        new() { Id = 3, HospitalId = 1, Code = "CK", Name = "产科" },
        new() { Id = 4, HospitalId = 1, Code = "GK", Name = "骨科" },
        new() { Id = 5, HospitalId = 1, Code = "XZ", Name = "行政办公室" },
    ];

    private static readonly IReadOnlyList<DemoDepartment> Demo =
        Departments.Select(d => DemoClinical.For(d.Name, d.Aliases) is { } s ? new DemoDepartment(d.Name, s) : null).OfType<DemoDepartment>().ToList();

    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public void The_same_day_is_generated_the_same_every_time()
    {
        var first = JsonSerializer.Serialize(DemoDay.Generate(Day, Demo));
        var second = JsonSerializer.Serialize(DemoDay.Generate(Day, Demo));

        Assert.Equal(first, second);
        Assert.NotEqual(first, JsonSerializer.Serialize(DemoDay.Generate(Day.AddDays(1), Demo)));
    }

    [Fact]
    public void Only_departments_with_a_known_specialty_see_patients()
    {
        Assert.Equal(["心血管内科", "儿科", "产科", "骨科"], Demo.Select(d => d.Name));
        Assert.Empty(DemoDay.Generate(Day, []));
    }

    [Fact]
    public void Every_day_brings_30_to_60_visits_and_10_to_25_discharges_of_valid_and_plausible_patients()
    {
        var validator = new PatientRecordValidator(HospitalDirectoryFactory.Create(Departments), () => new DateTime(2026, 12, 31));
        for (var day = Day; day < Day.AddDays(14); day = day.AddDays(1))
        {
            var events = DemoDay.Generate(day, Demo);
            var visits = events.Count(e => e.Record.Encounter!.VisitType == "门诊");
            var discharges = events.Count(e => e.Record.Encounter!.VisitType == "出院");
            Assert.InRange(visits, 30, 60);
            Assert.InRange(discharges, 10, 25);
            Assert.Equal(events.Count, events.Select(e => e.Record.Encounter!.VisitNumber).Distinct().Count());
            foreach (var e in events)
            {
                var (valid, errors) = validator.Validate(e.Record);
                Assert.True(valid is not null, string.Join("；", errors.Select(x => x.Message)));
                var r = e.Record;
                Assert.Matches(ChineseName(), r.Name);
                Assert.Matches(Mobile(), r.Phone);
                Assert.True(r.IdNumber is null || ContactNumbers.IsValidIdNumber(r.IdNumber), r.IdNumber);
                var specialty = DemoClinical.For(r.Encounter!.Department!, null)!;
                Assert.Contains((r.Encounter.PrimaryDiagnosisCode!, r.Encounter.PrimaryDiagnosisName!), specialty.Diagnoses);
                Assert.False(string.IsNullOrEmpty(r.Encounter.AttendingDoctor));
                var age = valid!.BirthDate is { } b ? day.Year - b.Year : -1;
                Assert.InRange(age, specialty.MinAge, specialty.MaxAge + 1);
                if (specialty.Male is { } male)
                    Assert.Equal(male ? "男" : "女", r.Gender);
                if (r.Encounter.DischargeAt is { } discharged)
                    Assert.True(discharged > r.Encounter.VisitAt && DateOnly.FromDateTime(discharged) == day);
                else
                    Assert.Equal(day, DateOnly.FromDateTime(r.Encounter.VisitAt!.Value));
            }
        }
    }

    [Fact]
    public async Task A_pull_returns_what_happened_from_the_watermark_until_now_in_time_ordered_batches()
    {
        await using var world = await SyncWorld.CreateAsync(DatabaseProvider.Sqlite);
        var since = new DateTime(2026, 11, 28, 11, 0, 0);

        var batches = await FhirSourceHarness.PullAllAsync(world.Demo(), since);

        var all = batches.SelectMany(b => b.Items).ToList();
        Assert.True(all.Count > DemoHisSource.BatchSize, $"{all.Count} events");
        Assert.All(batches, b => Assert.InRange(b.Items.Count, 1, DemoHisSource.BatchSize));
        Assert.All(batches, b => Assert.Equal(all.Count, b.ExpectedTotal));
        var times = all.Select(i => i.Record.Encounter!.DischargeAt ?? i.Record.Encounter.VisitAt!.Value).ToList();
        Assert.All(times, t => Assert.InRange(t, since, world.Clock.Now));
        Assert.Equal(times.Order(), times);
        Assert.Equal(times[^1], batches[^1].Watermark);
    }

    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,3}$")]
    private static partial Regex ChineseName();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
