using System.Diagnostics;
using Suifang.Core.Organization;
using Suifang.Core.Pathways;
using Suifang.Core.Pathways.Presets;
using Suifang.Core.Pathways.Validation;

namespace Suifang.Bench;

/// What plan creation pays to find pathways: loading the presets, loading the catalogue (newest published version per key,
/// with nodes) and Covering(code) for many diagnoses, as a batch of 100,000 discharged patients would ask.
internal static class PathwayCoveringBench
{
    private static readonly string[] Codes =
    [
        "I21.9", "I25.103", "I20.0", "Z95.5", "I63.9", "I61.0", "I50.9", "I10.x00", "I11.9", "E11.900", "E11.2", "J44.1",
        "K80.2", "K81.0", "M17.1", "Z96.6", "O82.0", "O34.2", "J18.9", "J15.7", "C50.9", "C73", "E04.2", "E05.0",
        "K35.8", "N18.5", "F32.9", "S72.0", "A09", "R50.9",
    ];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var lookups = args.Int("lookups", 1_000_000);
        var database = await BenchDatabase.OpenAsync(args, "suifang_bench_pathways");
        await database.ResetAsync();
        int hospitalId;
        await using (var db = database.NewContext())
        {
            var hospital = new Hospital { Code = "BENCH", Name = "路径基准医院" };
            db.Hospitals.Add(hospital);
            await db.SaveChangesAsync();
            hospitalId = hospital.Id;
            foreach (var code in PathwayPresets.All.Select(p => p.Departments[0]).Distinct())
                db.Departments.Add(new Department { HospitalId = hospitalId, Code = code, Name = code });
            await db.SaveChangesAsync();
        }

        var watch = Stopwatch.StartNew();
        var invalid = PathwayPresets.All.Sum(p => PathwayValidator.Validate(PathwayPresets.ToInput(p, 1)).Count);
        Console.WriteLine($"validate {PathwayPresets.All.Count} presets: {watch.Elapsed.TotalMilliseconds:F1} ms ({invalid} errors)");

        watch.Restart();
        await using (var db = database.NewContext())
            await new PresetLoader(db, () => DateTime.Now).EnsureAsync(hospitalId);
        Console.WriteLine($"load presets into an empty catalogue ({database.Provider}): {watch.Elapsed.TotalMilliseconds:F1} ms");

        var loads = new List<double>();
        PathwayCatalogue? catalogue = null;
        for (var i = 0; i < 20; i++)
        {
            watch.Restart();
            await using var db = database.NewContext();
            catalogue = await PathwayCatalogue.LoadAsync(db, hospitalId, includeNodes: true);
            loads.Add(watch.Elapsed.TotalMilliseconds);
        }
        var first = loads[0];
        loads = loads.Skip(1).Order().ToList();
        Console.WriteLine($"catalogue load with nodes ({catalogue!.Pathways.Count} pathways): first {first:F1} ms (warm-up), then 19 runs p50 {loads[9]:F1} ms, max {loads[^1]:F1} ms");

        watch.Restart();
        var found = 0;
        for (var i = 0; i < lookups; i++)
            found += catalogue.Covering(Codes[i % Codes.Length]).Count;
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Covering: {lookups:N0} lookups in {seconds * 1000:F0} ms = {lookups / seconds:N0} per second ({found:N0} matches)");
        return 0;
    }
}
