using System.Text.Encodings.Web;
using System.Text.Json;
using Suifang.Core.Security;

namespace Suifang.Core.Patients.Import;

/// How far an import has got: data rows read, and the rows the sheet declares (null when unknown).
public sealed record ImportProgress(int RowsRead, int? TotalRows);

/// One reason a row was not imported: the column the nurse should look at, and what to do, in Chinese.
public sealed record ImportCellError(string Column, string Reason);

/// A rejected row: its Excel row number, every reason, and the row as typed (encrypted: it holds phone and ID numbers).
public sealed record RejectedRow(int Row, IReadOnlyList<ImportCellError> Errors, string? ValuesCipher);

/// The outcome of one import: the job row (counts, status) and the rejected rows (the first 10,000).
/// Refused: the file as a whole was not imported (not an xlsx, required columns missing); Job.FailureMessage says why.
public sealed record ImportResult(ImportJob Job, IReadOnlyList<RejectedRow> Rejected, bool Refused = false);

/// The JSON kept in ImportJob.RejectedDetails.
public static class RejectedRowsJson
{
    public const int MaxKept = 10_000;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(IReadOnlyList<RejectedRow> rows) => JsonSerializer.Serialize(rows, Options);

    public static IReadOnlyList<RejectedRow> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RejectedRow>>(json, Options) ?? [];

    public static string ProtectValues(SensitiveDataProtector protector, IReadOnlyDictionary<string, string?> values) =>
        protector.ProtectText(JsonSerializer.Serialize(values, Options));

    public static IReadOnlyDictionary<string, string?> UnprotectValues(SensitiveDataProtector protector, string? cipher) =>
        cipher is null ? new Dictionary<string, string?>() : JsonSerializer.Deserialize<Dictionary<string, string?>>(protector.Unprotect(cipher), Options) ?? [];
}
