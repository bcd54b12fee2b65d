using System.Security.Cryptography;
using System.Text;

namespace Suifang.Core.Audit;

/// One line of the append-only, hash-chained audit log (9.2, 7.2.5.2 b).
/// Id is the position in the chain; Hash covers this entry and the previous entry's hash.
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public required string Summary { get; set; }
    public string? Changes { get; set; }
    public string? IpAddress { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public string ComputeHash()
    {
        var text = string.Join('\u001f', Id, At.ToString("O"), UserId, UserName, Action, EntityType, EntityId, Summary, Changes, IpAddress, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// Who does a change: a staff member (with the address they came from) or a named system job.
public sealed record AuditActor(string? UserId, string UserName, string? IpAddress = null)
{
    public static AuditActor System(string job) => new(null, $"系统:{job}");
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string View = "view";
    public const string Reveal = "reveal";
    public const string Import = "import";
    public const string Sync = "sync";
    public const string Login = "login";
    public const string Account = "account";
    public const string Export = "export";
}
