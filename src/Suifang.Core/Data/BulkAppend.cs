using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Suifang.Core.Data;

/// Inserts many new rows of one table with multi-row INSERT statements instead of one statement per row.
/// Used for large batches (Excel import): EF Core's per-row insert pipeline costs far more than the database does.
/// Values go through EF's own type mappings (the same parameters EF would send), and keys are taken from the
/// table's sequence first, so the tracked entities and their dependents carry the real ids afterwards.
internal static class BulkAppend
{
    private const int MaxParametersPostgres = 4_000;

    /// Gives the Added entries their database keys and inserts them; they are Unchanged afterwards.
    public static async Task InsertAsync(DbContext db, IReadOnlyList<EntityEntry> added, CancellationToken ct)
    {
        if (added.Count == 0)
            return;
        var type = added[0].Metadata;
        var key = type.FindPrimaryKey()!.Properties.Single();
        var keys = await NextKeysAsync(db, type, added.Count, ct);
        for (var i = 0; i < added.Count; i++)
        {
            var k = added[i].Property(key.Name);
            k.CurrentValue = Convert.ChangeType(keys[i], key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            k.IsTemporary = false;
        }
        await InsertRowsAsync(db, type, added.Select(e => (Func<IProperty, object?>)(p => e.Property(p.Name).CurrentValue)).ToList(), ct);
        foreach (var e in added)
            e.State = EntityState.Unchanged;
    }

    /// Inserts rows that are not tracked (the audit entries, whose ids are their place in the chain).
    public static Task InsertUntrackedAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        return InsertRowsAsync(db, type, rows.Count, Getters(rows), ct, null);
    }

    /// Values of untracked rows by (row, column): each column's getter is looked up once, not once per row.
    private static Func<IReadOnlyList<IProperty>, Func<int, int, object?>> Getters<T>(IReadOnlyList<T> rows) where T : class => columns =>
    {
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        return (r, c) => getters[c].GetClrValue(rows[r]);
    };

    /// Inserts rows given as "value of this property" functions (rows that the change tracker does not hold).
    public static Task InsertRowsAsync(DbContext db, IEntityType type, IReadOnlyList<Func<IProperty, object?>> rows, CancellationToken ct) =>
        InsertRowsAsync(db, type, rows.Count, columns => (r, c) => rows[r](columns[c]), ct, null);

    /// Gives new keys to rows that are not tracked (e.g. a batch of plans, whose dependents need the keys first).
    public static Task<List<long>> NextKeysAsync<T>(DbContext db, int count, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        return NextKeysAsync(db, type, count, ct);
    }

    /// Inserts untracked rows together with their owned collections mapped to JSON columns (written with
    /// System.Text.Json in EF's shape: property names as declared, enums as numbers).
    /// storesJson: false for a row whose JSON columns hold no content of their own (written as empty arrays).
    public static Task InsertUntrackedWithJsonAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct, Func<T, bool>? storesJson = null)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        // Rows often share one collection instance (plan steps from the same pathway node): serialised once per instance.
        var written = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        var json = type.GetNavigations().Where(n => n.TargetEntityType.IsMappedToJson())
            .Select(n => (Navigation: n, Getter: n.GetGetter()))
            .Select(x => new JsonColumn(x.Navigation.TargetEntityType.GetContainerColumnName()!, x.Navigation.TargetEntityType.GetContainerColumnType(), i =>
            {
                if (storesJson is not null && !storesJson(rows[i]))
                    return "[]";
                var value = x.Getter.GetClrValue(rows[i]);
                if (value is null)
                    return null;
                if (!written.TryGetValue(value, out var text))
                    written[value] = text = System.Text.Json.JsonSerializer.Serialize(value, JsonShape);
                return text;
            }))
            .ToList();
        return InsertRowsAsync(db, type, rows.Count, Getters(rows), ct, json);
    }

    /// The JSON text BulkAppend stores (internal for the test that compares it with what the database holds).
    internal static readonly System.Text.Json.JsonSerializerOptions JsonShape =
        new()
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

    private sealed record JsonColumn(string Name, string? StoreType, Func<int, string?> ValueOf);

    /// rowCount rows; valuesOf(columns) gives the value of (row, column index in columns).
    private static async Task InsertRowsAsync(DbContext db, IEntityType type, int rowCount, Func<IReadOnlyList<IProperty>, Func<int, int, object?>> valuesOf,
        CancellationToken ct, IReadOnlyList<JsonColumn>? json)
    {
        json ??= [];
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var value = valuesOf(columns);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)).Concat(json.Select(j => sql.DelimitIdentifier(j.Name))))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (!db.Database.IsNpgsql())
        {
            // The positional fast path; JSON columns are TEXT on SQLite and go in as their serialised text (no mapping).
            var columnMappings = columns.Select(c => (RelationalTypeMapping?)c.GetRelationalTypeMapping()).Concat(json.Select(_ => (RelationalTypeMapping?)null)).ToArray();
            var text = head + "(" + string.Join(", ", columnMappings.Select(_ => "?")) + ")";
            using (var inserter = SqliteRowInserter.Prepare((Microsoft.Data.Sqlite.SqliteConnection)connection, text, columnMappings))
                if (inserter is not null)
                {
                    var plain = columns.Count;
                    Func<int, int, object?> cell = (r, c) => c < plain ? value(r, c) : json[c - plain].ValueOf(r);
                    for (var r = 0; r < rowCount; r++)
                    {
                        ct.ThrowIfCancellationRequested();
                        inserter.Insert(cell, r);
                    }
                    return;
                }
            // SQLite: one prepared single-row statement, run once per row (SQLite binds parameters by a
            // linear name search, so long multi-row statements get slower with every parameter). The parameters
            // are made once and only their values change: SQLite runs in-process, so the per-row cost is ours.
            await using var single = connection.CreateCommand();
            single.Transaction = transaction;
            // Parameter names carry their prefix: Microsoft.Data.Sqlite then finds each one in a single look-up.
            var names = columns.Select((_, c) => sql.GenerateParameterName($"p{c}")).ToArray();
            var jsonNames = json.Select((_, j) => sql.GenerateParameterName($"j{j}")).ToArray();
            single.CommandText = head + "(" + string.Join(", ", names.Concat(jsonNames)) + ")";
            var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
            var parameters = columns.Select((c, i) => mappings[i].CreateParameter(single, names[i], null, c.IsNullable)).ToArray();
            single.Parameters.AddRange(parameters);
            var jsonParameters = jsonNames.Select(n => { var p = single.CreateParameter(); p.ParameterName = n; return p; }).ToArray();
            single.Parameters.AddRange(jsonParameters);
            var times = new Dictionary<DateTime, string>();
            for (var r = 0; r < rowCount; r++)
            {
                for (var j = 0; j < json.Count; j++)
                    jsonParameters[j].Value = (object?)json[j].ValueOf(r) ?? DBNull.Value;
                ct.ThrowIfCancellationRequested();
                for (var c = 0; c < columns.Count; c++)
                {
                    // The same conversion RelationalTypeMapping.CreateParameter applies (enums, value converters).
                    var v = value(r, c);
                    v = mappings[c].Converter is { } converter && v is not null ? converter.ConvertToProvider(v) : v;
                    // Microsoft.Data.Sqlite writes a DateTime as this text; batches repeat the same times (now, due dates),
                    // so each is formatted once.
                    if (v is DateTime at)
                    {
                        if (!times.TryGetValue(at, out var formatted))
                            times[at] = formatted = at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
                        v = formatted;
                    }
                    parameters[c].Value = v ?? DBNull.Value;
                }
                // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway, at the cost of a task per row.
                single.ExecuteNonQuery();
            }
            return;
        }
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, columns, json, rowCount, value, sql, ct);
            return;
        }
        var perRow = columns.Count + json.Count;
        var offset = 0;
        foreach (var chunk in Enumerable.Range(0, rowCount).Chunk(Math.Max(1, MaxParametersPostgres / perRow)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var n = 0;
            for (var r = 0; r < chunk.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"p{n++}";
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterName(name));
                    command.Parameters.Add(columns[c].GetRelationalTypeMapping().CreateParameter(command, name, value(chunk[r], c), columns[c].IsNullable));
                }
                foreach (var j in json)
                {
                    var name = $"p{n++}";
                    text.Append(", CAST(").Append(sql.GenerateParameterName(name)).Append(" AS ").Append(j.StoreType ?? "jsonb").Append(')');
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    p.Value = (object?)j.ValueOf(offset + r) ?? DBNull.Value;
                    command.Parameters.Add(p);
                }
                text.Append(')');
            }
            offset += chunk.Length;
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// PostgreSQL: binary COPY (one stream per table, no SQL text, no parameter objects). Each value is the provider
    /// value EF would send (after its value converters) written as the column's store type; JSON columns as jsonb.
    private static async Task CopyAsync(Npgsql.NpgsqlConnection connection, StoreObjectIdentifier table, List<IProperty> columns,
        IReadOnlyList<JsonColumn> json, int rowCount, Func<int, int, object?> valueOf, ISqlGenerationHelper sql, CancellationToken ct)
    {
        var names = columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)).Concat(json.Select(j => sql.DelimitIdentifier(j.Name)));
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var types = mappings.Select(m => m.StoreTypeNameBase).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", ct);
        for (var r = 0; r < rowCount; r++)
        {
            await writer.StartRowAsync(ct);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = valueOf(r, c);
                if (value is not null && mappings[c].Converter is { } converter)
                    value = converter.ConvertToProvider(value);
                if (value is null)
                    await writer.WriteNullAsync(ct);
                else
                    await writer.WriteAsync(value, types[c], ct);
            }
            foreach (var j in json)
            {
                if (j.ValueOf(r) is { } text)
                    await writer.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Jsonb, ct);
                else
                    await writer.WriteNullAsync(ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// New keys: from the identity sequence on PostgreSQL (not necessarily contiguous when others insert too);
    /// on SQLite (one writer at a time, inside the write transaction) past both the highest row and the AUTOINCREMENT counter.
    public static async Task<List<long>> NextKeysAsync(DbContext db, IEntityType type, int count, CancellationToken ct)
    {
        if (count == 0)
            return [];
        var key = type.FindPrimaryKey()!.Properties.Single();
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = type.GetTableName()!;
        var table = sql.DelimitIdentifier(tableName, type.GetSchema());
        var column = key.GetColumnName(StoreObjectIdentifier.Table(tableName, type.GetSchema()))!;
        if (db.Database.IsNpgsql())
            // The sequence is looked up once: pg_get_serial_sequence is STABLE, so in the select list it ran (a catalogue
            // scan) for every key — 8x the cost of the nextval calls themselves (35,000 keys: 290–370 ms vs 36–61 ms).
            return await Scalars(db, $"WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('{table}', '{column}')::regclass AS seq) SELECT nextval(s.seq) FROM s, generate_series(1, {count})", ct);
        var max = await Scalars(db, $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{tableName}'), 0), COALESCE((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {table}), 0))", ct);
        return Enumerable.Range(1, count).Select(i => max[0] + i).ToList();
    }

    private static async Task<List<long>> Scalars(DbContext db, string text, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = text;
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            values.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }
}
