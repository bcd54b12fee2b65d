using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Suifang.Core.Data;
using Suifang.Core.Patients;
using Suifang.Core.Security;

namespace Suifang.Bench;

/// Loads synthetic patients straight into the tables (not through EF or the audit log): prepared INSERTs
/// in large transactions on SQLite, binary COPY on PostgreSQL. Phones are encrypted with the real protector.
internal sealed class PatientLoader(BenchDatabase database, SensitiveDataProtector protector, int hospitalId, int campusId, int[] departmentIds)
{
    private static readonly string[] PatientColumns =
        ["Id", "HospitalId", "CampusId", "Name", "Gender", "BirthDate", "BirthDateEstimated", "PhoneCipher", "PhoneIndex", "PhoneMasked",
         "PhoneLast4", "FamilyPhoneCipher", "FamilyPhoneIndex", "FamilyPhoneMasked", "IdentityKey", "Source", "CreatedAt", "UpdatedAt"];

    private static readonly string[] EncounterColumns =
        ["Id", "PatientId", "HospitalId", "CampusId", "VisitType", "DepartmentId", "AttendingDoctor", "VisitAt", "DischargeAt",
         "PrimaryDiagnosisCode", "PrimaryDiagnosisName", "Source", "CreatedAt"];

    public async Task LoadAsync(IEnumerable<SyntheticPatient> patients)
    {
        await using var db = database.NewContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        if (conn is NpgsqlConnection pg)
            await CopyAsync(pg, patients);
        else
            await InsertAsync(conn, patients);
    }

    private object?[] PatientValues(SyntheticPatient p)
    {
        var phone = protector.Protect(SensitiveKind.Phone, p.Phone);
        SensitiveValue? family = p.FamilyPhone is null ? null : protector.Protect(SensitiveKind.Phone, p.FamilyPhone);
        var now = DateTime.Now;
        return [p.Id, hospitalId, campusId, p.Name, (int)p.Gender, p.BirthDate, false, phone.Cipher, phone.Index, phone.Masked,
            phone.Masked[^4..], family?.Cipher, family?.Index, family?.Masked,
            PatientIdentity.KeyOf(null, null, p.Name, phone.Index), (int)PatientSource.Demo, now, now];
    }

    private object?[] EncounterValues(SyntheticPatient p, SyntheticEncounter e) =>
        [e.Id, p.Id, hospitalId, campusId, (int)e.Type, departmentIds[e.Department], e.Doctor, e.VisitAt, e.DischargeAt,
         e.Code, e.Diagnosis, (int)PatientSource.Demo, e.VisitAt];

    private async Task InsertAsync(DbConnection conn, IEnumerable<SyntheticPatient> patients)
    {
        foreach (var pragma in new[] { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=OFF", "PRAGMA cache_size=-200000" })
        {
            await using var c = conn.CreateCommand();
            c.CommandText = pragma;
            await c.ExecuteNonQueryAsync();
        }
        var count = 0;
        var tx = await conn.BeginTransactionAsync();
        var insertPatient = Prepared(conn, tx, "Patients", PatientColumns);
        var insertEncounter = Prepared(conn, tx, "Encounters", EncounterColumns);
        foreach (var p in patients)
        {
            await Run(insertPatient, PatientValues(p));
            foreach (var e in p.Encounters)
                await Run(insertEncounter, EncounterValues(p, e));
            if (++count % 100_000 == 0)
            {
                await tx.CommitAsync();
                await tx.DisposeAsync();
                tx = await conn.BeginTransactionAsync();
                insertPatient.Transaction = insertEncounter.Transaction = tx;
                Console.Write($"\r  {count:N0} patients loaded");
            }
        }
        await tx.CommitAsync();
        Console.WriteLine();
    }

    private static DbCommand Prepared(DbConnection conn, DbTransaction tx, string table, string[] columns)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(",", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(",", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = $"@p{i}";
            cmd.Parameters.Add(p);
        }
        cmd.Prepare();
        return cmd;
    }

    private static Task<int> Run(DbCommand cmd, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            cmd.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                var v => v,
            };
        return cmd.ExecuteNonQueryAsync();
    }

    private async Task CopyAsync(NpgsqlConnection conn, IEnumerable<SyntheticPatient> patients)
    {
        var buffered = new List<SyntheticPatient>(100_000);
        var count = 0;
        foreach (var p in patients)
        {
            buffered.Add(p);
            if (buffered.Count == 100_000)
            {
                await CopyBatchAsync(conn, buffered);
                count += buffered.Count;
                buffered.Clear();
                Console.Write($"\r  {count:N0} patients loaded");
            }
        }
        await CopyBatchAsync(conn, buffered);
        Console.WriteLine();
        await using var seq = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('\"Patients\"', 'Id'), (SELECT max(\"Id\") FROM \"Patients\"));" +
            "SELECT setval(pg_get_serial_sequence('\"Encounters\"', 'Id'), (SELECT max(\"Id\") FROM \"Encounters\"));", conn);
        await seq.ExecuteNonQueryAsync();
    }

    private async Task CopyBatchAsync(NpgsqlConnection conn, List<SyntheticPatient> batch)
    {
        await using (var w = await conn.BeginBinaryImportAsync(CopyCommand("Patients", PatientColumns)))
        {
            foreach (var p in batch)
                await WriteRowAsync(w, PatientValues(p));
            await w.CompleteAsync();
        }
        await using (var w = await conn.BeginBinaryImportAsync(CopyCommand("Encounters", EncounterColumns)))
        {
            foreach (var p in batch)
                foreach (var e in p.Encounters)
                    await WriteRowAsync(w, EncounterValues(p, e));
            await w.CompleteAsync();
        }
    }

    private static string CopyCommand(string table, string[] columns) =>
        $"COPY \"{table}\" ({string.Join(",", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    private static async Task WriteRowAsync(NpgsqlBinaryImporter w, object?[] values)
    {
        await w.StartRowAsync();
        foreach (var v in values)
        {
            switch (v)
            {
                case null: await w.WriteNullAsync(); break;
                case long l: await w.WriteAsync(l, NpgsqlDbType.Bigint); break;
                case int i: await w.WriteAsync(i, NpgsqlDbType.Integer); break;
                case bool b: await w.WriteAsync(b, NpgsqlDbType.Boolean); break;
                case string s: await w.WriteAsync(s, NpgsqlDbType.Varchar); break;
                case DateOnly d: await w.WriteAsync(d, NpgsqlDbType.Date); break;
                case DateTime t: await w.WriteAsync(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp); break;
                default: throw new InvalidOperationException($"no COPY mapping for {v.GetType()}");
            }
        }
    }
}
