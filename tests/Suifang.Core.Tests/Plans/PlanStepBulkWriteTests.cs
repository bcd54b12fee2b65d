using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Plans;
using Suifang.Core.Plans.BuildPlan;
using Suifang.Core.Plans.CreatePlans;
using Suifang.Testing;

namespace Suifang.Core.Tests.Plans;

/// Plan steps are written by BulkAppend (on SQLite through the positional native statement, JSON columns included);
/// its plain columns must hold exactly what EF Core's own SaveChanges stores for the same step, and its JSON columns
/// the same content (EF writes nulls and sorts properties; BulkAppend leaves nulls out) as the exact serialised text.
public sealed class PlanStepBulkWriteTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_bulk_written_step_with_questions_triggers_and_channels_is_stored_as_ef_stores_it(DatabaseProvider provider)
    {
        var (hospital, pathways) = await PlanStorageTests.SetUpAsync(provider);
        await using var _ = hospital;
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(PlanStorageTests.Discharge, hospital.Cardiology.Id).WithDiagnosis("I21.9", "急性心肌梗死")))[0];
        await using var db = hospital.Database.NewContext();
        var command = new CreatePlansCommand([patient.Encounters[0].Id], [pathways[0].Id, pathways[1].Id], new PlanOptions());
        Assert.Equal(1, (await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), command, PlanStorageTests.Now, default)).Value!.Created);

        // The merged step (two pathways' questions, with Chinese text) copied through EF's change tracker. It is a later
        // step: made a row by the job when it comes near (LaterSteps), through the same bulk writer.
        await Suifang.Core.Plans.Upcoming.UpcomingSteps.MaterialiseAsync(db, PlanStorageTests.Now.AddYears(1), default);
        var bulk = await db.PlanSteps.AsNoTracking().OrderBy(s => s.Order).Skip(1).FirstAsync();
        Assert.True(bulk.Questions.Count > 1 && bulk.Triggers.Count > 0 && bulk.Channels.Count > 0);
        var copy = new PlanStep
        {
            PlanId = bulk.PlanId, Order = 99, Title = bulk.Title, Label = bulk.Label, DueFrom = bulk.DueFrom, DueTo = bulk.DueTo,
            DependsOnStepId = bulk.DependsOnStepId, SourceNodeIds = bulk.SourceNodeIds, ScriptKey = bulk.ScriptKey, Status = bulk.Status,
            NodeId = bulk.NodeId, FirstChannel = bulk.FirstChannel, Questions = bulk.Questions, Triggers = bulk.Triggers, Channels = bulk.Channels,
        };
        db.PlanSteps.Add(copy);
        await db.SaveChangesAsync();

        var stored = await RawRowsAsync(db, bulk.Id, copy.Id);
        Assert.Equal(2, stored.Count);
        string[] json = ["Questions", "Triggers", "Channels"];
        foreach (var column in stored[0].Keys.Where(k => k is not "Id" and not "Order" && !json.Contains(k)))
            Assert.True(Equals(stored[0][column], stored[1][column]), $"{column}: bulk {stored[0][column]} / EF {stored[1][column]}");
        foreach (var column in json)
            Assert.True(JsonNode.DeepEquals(WithoutNulls(stored[0][column]), WithoutNulls(stored[1][column])), $"{column}: bulk {stored[0][column]} / EF {stored[1][column]}");
        if (!db.Database.IsNpgsql())
            Assert.Equal([JsonSerializer.Serialize(bulk.Questions, BulkAppend.JsonShape), JsonSerializer.Serialize(bulk.Triggers, BulkAppend.JsonShape),
                JsonSerializer.Serialize(bulk.Channels, BulkAppend.JsonShape)], json.Select(c => (string)stored[0][c]!));
        // The JSON is text with its Chinese unescaped, on SQLite in a TEXT cell.
        Assert.Contains(((string)stored[0]["Questions"]!).ToCharArray(), ch => ch > '\u4e00');
        if (!db.Database.IsNpgsql())
            Assert.Equal(("text", "text"), (stored[0]["QuestionsType"], stored[0]["DueFromType"]));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Rows_that_repeat_change_and_return_to_a_value_are_each_stored_with_their_own_values(DatabaseProvider provider)
    {
        // The SQLite inserter does not re-bind a value the previous row already bound; each row must still be its own.
        var (hospital, pathways) = await PlanStorageTests.SetUpAsync(provider);
        await using var _ = hospital;
        var patient = (await hospital.AddAsync(hospital.Patient().DischargedOn(PlanStorageTests.Discharge, hospital.Cardiology.Id)))[0];
        await using var db = hospital.Database.NewContext();
        var command = new CreatePlansCommand([patient.Encounters[0].Id], [pathways[0].Id], new PlanOptions());
        var planId = (await CreatePlans.CreateAsync(db, hospital.Nurse(hospital.Cardiology.Id), command, PlanStorageTests.Now, default)).Value!.Outcomes[0].PlanId!.Value;
        var template = await db.PlanSteps.AsNoTracking().FirstAsync();
        // As PlanWriter does: keys and rows inside one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync();
        string?[] scripts = ["a", "a", null, "a", null, null, "b"];
        int[] days = [1, 1, 2, 1, 3, 3, 1];
        var keys = await BulkAppend.NextKeysAsync<PlanStep>(db, scripts.Length, default);
        var rows = scripts.Select((script, i) => new PlanStep
        {
            Id = keys[i], PlanId = planId, Order = 10 + i, Title = i % 2 == 0 ? "同" : $"第{i}", Label = "D+" + days[i],
            DueFrom = PlanStorageTests.Discharge.AddDays(days[i]), DueTo = PlanStorageTests.Discharge.AddDays(days[i] + 1), ScriptKey = script,
            Questions = i == 2 ? [] : template.Questions, Triggers = template.Triggers, Channels = i == 4 ? [] : template.Channels,
        }).ToList();

        await BulkAppend.InsertUntrackedWithJsonAsync(db, rows, default);
        await transaction.CommitAsync();

        var stored = await db.PlanSteps.AsNoTracking().Where(s => s.Order >= 10).OrderBy(s => s.Order).ToListAsync();
        Assert.Equal(scripts, stored.Select(s => s.ScriptKey));
        Assert.Equal(rows.Select(r => (r.Title, r.Label, r.DueFrom, r.DueTo)), stored.Select(s => (s.Title, s.Label, s.DueFrom, s.DueTo)));
        Assert.Equal(rows.Select(r => (r.Questions.Count, r.Channels.Count)), stored.Select(s => (s.Questions.Count, s.Channels.Count)));
    }

    private static JsonNode? WithoutNulls(object? text)
    {
        var node = JsonNode.Parse((string)text!);
        foreach (var item in node!.AsArray().OfType<JsonObject>())
            foreach (var name in item.Where(p => p.Value is null).Select(p => p.Key).ToList())
                item.Remove(name);
        return node;
    }

    /// Every column as the database gives it back (on SQLite with its storage class, so text stays text).
    private static async Task<List<Dictionary<string, object?>>> RawRowsAsync(DbContext db, long first, long second)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        var sqlite = !db.Database.IsNpgsql();
        command.CommandText = $"SELECT *{(sqlite ? ", typeof(\"Questions\") AS \"QuestionsType\", typeof(\"DueFrom\") AS \"DueFromType\"" : "")} FROM \"PlanSteps\" WHERE \"Id\" IN ({first}, {second}) ORDER BY \"Id\" = {second}";
        await db.Database.OpenConnectionAsync();
        var rows = new List<Dictionary<string, object?>>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }
}
