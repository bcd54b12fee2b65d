using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Organization;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Pathways.Validation;
using Suifang.Testing;

namespace Suifang.Core.Tests.Pathways;

/// 7.2.3.1 a: preset standard pathways covering many diseases, each node with time point, questions and triggers.
public sealed class PresetTests
{
    public static TheoryData<string> Keys => new(PathwayPresets.All.Select(p => p.Key));

    [Fact]
    public void Suifang_ships_at_least_the_twelve_named_presets()
    {
        string[] expected = ["pci", "stroke", "heart-failure", "hypertension", "type2-diabetes", "copd", "lap-cholecystectomy",
            "total-knee-arthroplasty", "caesarean-section", "paediatric-pneumonia", "breast-cancer-chemotherapy", "thyroidectomy"];
        Assert.Empty(expected.Except(PathwayPresets.All.Select(p => p.Key)));
    }

    [Theory, MemberData(nameof(Keys))]
    public void Every_preset_passes_the_validator(string key)
    {
        var preset = PathwayPresets.All.Single(p => p.Key == key);
        var errors = PathwayValidator.Validate(PathwayPresets.ToInput(preset, 1));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Field}：{e.Message}")));
    }

    [Theory, MemberData(nameof(Keys))]
    public void Every_preset_node_has_a_critical_or_abnormal_trigger_and_a_fallback_to_a_person(string key)
    {
        var input = PathwayPresets.ToInput(PathwayPresets.All.Single(p => p.Key == key), 1);
        Assert.All(input.Nodes, n =>
        {
            Assert.NotEmpty(n.Triggers);
            Assert.Equal(Core.Pathways.ChannelKind.AiCall, n.Channels[0].Kind);
            Assert.Equal(Core.Pathways.ChannelKind.Manual, n.Channels[^1].Kind);
        });
        Assert.Contains(input.Nodes.SelectMany(n => n.Triggers), t => t.Severity == TriggerSeverity.Critical);
    }

    [Fact]
    public void The_disease_ranges_cover_the_typical_diagnoses()
    {
        (string Code, string Key)[] cases =
        [
            ("I21.9", "pci"), ("Z95.5", "pci"), ("I63.9", "stroke"), ("I50.9", "heart-failure"), ("I10.x00", "hypertension"),
            ("E11.900", "type2-diabetes"), ("J44.1", "copd"), ("K80.2", "lap-cholecystectomy"), ("M17.1", "total-knee-arthroplasty"),
            ("Z96.6", "total-knee-arthroplasty"), ("O82.0", "caesarean-section"), ("O34.2", "caesarean-section"),
            ("J18.9", "paediatric-pneumonia"), ("C50.9", "breast-cancer-chemotherapy"), ("C73", "thyroidectomy"), ("E04.2", "thyroidectomy"),
        ];
        foreach (var (code, key) in cases)
            Assert.True(IcdRange.AnyContains(IcdRange.ParseList(PathwayPresets.All.Single(p => p.Key == key).DiseaseCodes), code), $"{key} 应覆盖 {code}");
    }

    [Fact]
    public void A_shared_question_key_has_one_kind_and_unit_in_every_preset_and_is_documented()
    {
        var questions = PathwayPresets.All.SelectMany(p => PathwayPresets.ToInput(p, 1).Nodes).SelectMany(n => n.Questions).ToList();
        foreach (var group in questions.GroupBy(q => q.Key!))
        {
            Assert.True(PathwayPresets.Vocabulary.ContainsKey(group.Key), $"{group.Key} 不在问题词表中");
            Assert.Single(group.Select(q => (q.Kind, q.Unit)).Distinct());
        }
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/Suifang.Core/Pathways/Presets/question-keys.md"));
        Assert.All(PathwayPresets.Vocabulary.Keys, k => Assert.Contains($"`{k}`", doc));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Loading_presets_twice_adds_them_once_in_the_matching_departments(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await using (var db = h.Database.NewContext())
        {
            db.Departments.Add(new Department { HospitalId = h.Hospital.Id, CampusId = h.CampusId, Code = "EK", Name = "儿科" });
            await db.SaveChangesAsync();
        }

        await using (var db = h.Database.NewContext())
            Assert.Equal(PathwayPresets.All.Count, await new PresetLoader(db, () => PathwayFixtures.Now).EnsureAsync(h.Hospital.Id));
        await using (var db = h.Database.NewContext())
            Assert.Equal(0, await new PresetLoader(db, () => PathwayFixtures.Now).EnsureAsync(h.Hospital.Id));

        await using var check = h.Database.NewContext();
        var rows = await check.Pathways.AsNoTracking().Include(p => p.Nodes).ToListAsync();
        Assert.Equal(PathwayPresets.All.Count, rows.Count);
        Assert.All(rows, p => Assert.True(p.IsPreset && p.Status == PathwayStatus.Published && p.Version == 1 && p.Nodes.Count > 0));
        var byKey = rows.ToDictionary(p => p.Key);
        Assert.Equal(h.Cardiology.Id, byKey["pci"].DepartmentId);
        Assert.Equal(h.Neurology.Id, byKey["stroke"].DepartmentId);
        Assert.NotEqual(h.Cardiology.Id, byKey["paediatric-pneumonia"].DepartmentId);
        Assert.Equal(h.Cardiology.Id, byKey["copd"].DepartmentId); // no respiratory department: the first one
        Assert.Equal(["pci"], (await check.CoveringAsync(h.Hospital.Id, "I21.9")).Select(p => p.Key));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_hospital_without_departments_gets_the_presets_later(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var _ = database;
        await using var db = await database.MigratedContextAsync();
        var hospital = new Hospital { Code = "H2", Name = "无科室医院" };
        db.Hospitals.Add(hospital);
        await db.SaveChangesAsync();

        Assert.Equal(0, await new PresetLoader(db, () => PathwayFixtures.Now).EnsureAsync(hospital.Id));
        Assert.False(await db.Pathways.AnyAsync());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Suifang.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("找不到仓库根目录（Suifang.slnx）。");
    }
}
