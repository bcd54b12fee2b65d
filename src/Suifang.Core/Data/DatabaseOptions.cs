using System.ComponentModel.DataAnnotations;

namespace Suifang.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// For PostgreSQL: a Npgsql connection string. For SQLite: optional; the default is {DataDirectory}/suifang.db.
    public string? ConnectionString { get; set; }
}

public sealed class SuifangOptions
{
    public const string Section = "Suifang";

    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// The code of the hospital this deployment serves by default.
    public string HospitalCode { get; set; } = "DEMO";

    public string TimeZone { get; set; } = "Asia/Shanghai";
}
