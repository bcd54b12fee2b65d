using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Suifang.Core.Data;

/// Runs one single-row INSERT per row on SQLite through the native statement: prepared once, values bound by
/// position, stepped and reset. Microsoft.Data.Sqlite looks each parameter up by name and re-enumerates the
/// statement on every execution, which cost a third of an import's inserts. Values are the provider values EF
/// would send (after its value converters), written the way Microsoft.Data.Sqlite writes them (dates as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF" text, booleans as 0/1). Columns without a mapping take ready text as it is (the JSON
/// columns of owned collections, which SQLite stores as TEXT: Microsoft.Data.Sqlite binds a string the same way).
internal sealed class SqliteRowInserter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly RelationalTypeMapping?[] _mappings;
    // Dates as the UTF-8 text Microsoft.Data.Sqlite writes, made once per value (batches repeat now, due days, times).
    private readonly Dictionary<DateTime, byte[]> _times = [];
    // Columns whose EF converter only turns an enum into its number: bound as the number without the converter's boxing.
    private readonly bool[] _enumNumber;
    // The value each parameter holds now: SQLite keeps bindings across sqlite3_reset, and batch rows repeat most of
    // their values (hospital, queue, state, times, nulls, the JSON a pathway node's steps share), so those are not re-bound.
    private readonly object?[] _bound;
    private bool _anyBound;
    private byte[] _utf8 = new byte[256];
    private const int LongText = 256;
    private readonly Dictionary<string, byte[]> _longTexts = new(ReferenceEqualityComparer.Instance);

    private SqliteRowInserter(sqlite3 db, sqlite3_stmt statement, RelationalTypeMapping?[] mappings)
    {
        (_db, _statement, _mappings) = (db, statement, mappings);
        _bound = new object?[mappings.Length];
        // EF's own enum-to-number converter only (a custom converter may map the values differently).
        _enumNumber = mappings.Select(m => m?.Converter is { } c && c.GetType() is { IsGenericType: true } type
            && type.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.Storage.ValueConversion.EnumToNumberConverter<,>)
            && (Nullable.GetUnderlyingType(c.ProviderClrType) ?? c.ProviderClrType) is var t
            && (t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte))).ToArray();
    }

    /// Null when a column's values are of a type this class does not write (the caller then uses ADO.NET parameters).
    /// A null mapping marks a column whose values are given as text (or null) and bound as they are.
    public static SqliteRowInserter? Prepare(SqliteConnection connection, string insert, RelationalTypeMapping?[] mappings)
    {
        if (!mappings.All(m => m is null || Supported(m.Converter?.ProviderClrType ?? m.ClrType)))
            return null;
        if (connection.Handle is not { } db)
            return null;
        var rc = raw.sqlite3_prepare_v2(db, insert, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        return new SqliteRowInserter(db, statement, mappings);
    }

    /// Inserts one row: valueOf(row, column) for each column of the statement.
    public void Insert(Func<int, int, object?> valueOf, int row)
    {
        for (var c = 0; c < _mappings.Length; c++)
        {
            var value = valueOf(row, c);
            if (value is not null && !_enumNumber[c] && _mappings[c]?.Converter is { } converter)
                value = converter.ConvertToProvider(value);
            if (_anyBound && Equals(_bound[c], value))
                continue;
            Bind(c + 1, value);
            _bound[c] = value;
        }
        _anyBound = true;
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string s => BindText(index, s),
            long l => raw.sqlite3_bind_int64(_statement, index, l),
            int i => raw.sqlite3_bind_int64(_statement, index, i),
            short s => raw.sqlite3_bind_int64(_statement, index, s),
            byte b => raw.sqlite3_bind_int64(_statement, index, b),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_statement, index, d),
            float f => raw.sqlite3_bind_double(_statement, index, f),
            Enum e => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(e, CultureInfo.InvariantCulture)),
            DateTime t => raw.sqlite3_bind_text(_statement, index, Format(t)),
            DateOnly d => BindText(index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"SqliteRowInserter cannot write {value.GetType()}"),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// Batches repeat the same times (now, due dates): each is formatted once.
    private byte[] Format(DateTime t)
    {
        if (!_times.TryGetValue(t, out var text))
        {
            if (_times.Count > 100_000)
                _times.Clear();
            _times[t] = text = Encoding.UTF8.GetBytes(t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
        }
        return text;
    }

    private int BindText(int index, string text)
    {
        // Long texts are mostly one instance shared by many rows (a pathway node's questions as JSON, ≈ 1 KB of
        // Chinese): encoded once per instance.
        if (text.Length >= LongText)
        {
            if (!_longTexts.TryGetValue(text, out var bytes))
            {
                if (_longTexts.Count >= 4_096)
                    _longTexts.Clear();
                _longTexts[text] = bytes = Encoding.UTF8.GetBytes(text);
            }
            return raw.sqlite3_bind_text(_statement, index, bytes);
        }
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > _utf8.Length)
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(text, _utf8);
        // SQLitePCL binds with SQLITE_TRANSIENT: SQLite copies the bytes, so the buffer is reused for the next value.
        return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length));
    }

    private static bool Supported(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t == typeof(long) || t == typeof(int) || t == typeof(short)
            || t == typeof(byte) || t == typeof(bool) || t == typeof(double) || t == typeof(float) || t == typeof(DateTime) || t == typeof(DateOnly));

    public void Dispose() => _statement.Dispose();
}
