using Suifang.Core.Security;
using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// The SMS text to staff: no patient identifiers beyond a masked name (no phone, no ID number, no full name).
public static class AlertSms
{
    public static string Text(TodoItem todo, string patientName, string departmentName, bool escalation)
    {
        var reason = todo.Reason.Length > 60 ? todo.Reason[..60] + "…" : todo.Reason;
        var head = escalation ? "【随访预警·升级】超时未确认，" : "【随访预警】";
        return $"{head}{departmentName}患者{Masking.MaskName(patientName)}：{reason}。请登录随访平台处理待办#{todo.Id}。";
    }
}
