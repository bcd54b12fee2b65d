using Suifang.Core.Todos;

namespace Suifang.Core.Alerts;

/// The SMS text to staff: no patient identifiers beyond a masked name (no phone, no ID number, no full name).
public static class AlertSms
{
    public static string Text(TodoItem todo, string patientName, string departmentName, bool escalation)
    {
        var reason = todo.Reason.Length > 60 ? todo.Reason[..60] + "…" : todo.Reason;
        var head = escalation ? "【随访预警·升级】超时未确认，" : "【随访预警】";
        return $"{head}{departmentName}患者{MaskName(patientName)}：{reason}。请登录随访平台处理待办#{todo.Id}。";
    }

    /// 王建国 → 王*国, 李娜 → 李*, 欧阳娜娜 → 欧**娜.
    public static string MaskName(string name)
    {
        name = name.Trim();
        return name.Length switch
        {
            0 => "*",
            1 => name,
            2 => name[0] + "*",
            _ => name[0] + new string('*', name.Length - 2) + name[^1],
        };
    }
}
