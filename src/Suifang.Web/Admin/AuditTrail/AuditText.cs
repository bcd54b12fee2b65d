namespace Suifang.Web.Admin.AuditTrail;

/// Marker for AuditText.resx: the words of the audit log page.
public sealed class AuditText;
