using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;

namespace Suifang.Core.Plans;

/// A text that many plans share, stored once: a plan's merge notes (FollowUpPlan.MergeNotesId) and the later steps of a
/// merged or changed plan with their times counted from its anchor (FollowUpPlan.LaterSteps "#id:first:count",
/// Upcoming.SharedLaterSteps). Patients with the same diagnoses, pathway versions and anchor day get the same texts, so a
/// day's thousands of merged plans (7.2.3.2) need a handful of rows instead of a copy each (bench/README.md plan-create,
/// round 7). Found again by the hash of its text; a row is never changed or deleted. Two writers that store the same
/// new text at once both insert it (no unique index to fail a batch on): harmless, each plan reads the row it points to.
public sealed class PlanContent
{
    public long Id { get; set; }

    /// The first 16 bytes of the text's SHA-256 (UTF-8), hex.
    public required string Hash { get; set; }

    public required string Text { get; set; }

    public static string HashOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
}

/// The texts of a batch of plans: each distinct text is looked up by hash once and stored once if new (one query and one
/// multi-row insert per batch), then every plan that uses it is given its id.
internal sealed class PlanContentBatch
{
    private readonly Dictionary<string, List<Action<long>>> _users = new(StringComparer.Ordinal);

    public bool IsEmpty => _users.Count == 0;

    /// Registers a use of the text; `stored` receives the id of its row when the batch is saved.
    public void Add(string text, Action<long> stored)
    {
        if (!_users.TryGetValue(text, out var users))
            _users[text] = users = [];
        users.Add(stored);
    }

    /// Finds the texts already stored, inserts the others and hands out the ids; inside the caller's transaction.
    public async Task SaveAsync(SuifangDbContext db, CancellationToken ct)
    {
        if (IsEmpty)
            return;
        var hashes = _users.Keys.ToDictionary(t => t, PlanContent.HashOf, StringComparer.Ordinal);
        var wanted = hashes.Values.Distinct().ToList();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in await db.PlanContents.AsNoTracking().Where(c => EF.Parameter(wanted).Contains(c.Hash)).OrderBy(c => c.Id).ToListAsync(ct))
            ids.TryAdd(row.Text, row.Id);
        var missing = _users.Keys.Where(t => !ids.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            var keys = await BulkAppend.NextKeysAsync<PlanContent>(db, missing.Count, ct);
            var rows = missing.Select((t, i) => new PlanContent { Id = keys[i], Hash = hashes[t], Text = t }).ToList();
            await BulkAppend.InsertUntrackedAsync(db, rows, ct);
            foreach (var row in rows)
                ids[row.Text] = row.Id;
        }
        foreach (var (text, users) in _users)
            foreach (var stored in users)
                stored(ids[text]);
        _users.Clear();
    }
}

/// A plan's merge notes (7.2.3.2: how the plan was merged and checked), stored as a shared text.
public static class MergeNotes
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Write(List<string> notes) => JsonSerializer.Serialize(notes, Json);

    /// The notes of a plan read from the database (FollowUpPlan.MergeNotes is not a column): none when it has none.
    public static async Task<List<string>> ReadAsync(SuifangDbContext db, long? notesId, CancellationToken ct)
    {
        if (notesId is not { } id)
            return [];
        var text = await db.PlanContents.AsNoTracking().Where(c => c.Id == id).Select(c => c.Text).SingleOrDefaultAsync(ct);
        return text is null ? [] : JsonSerializer.Deserialize<List<string>>(text, Json) ?? [];
    }
}
