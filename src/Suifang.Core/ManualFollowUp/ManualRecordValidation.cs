namespace Suifang.Core.ManualFollowUp;

/// The checks on a record that need no database, with messages that say what to fix.
public static class ManualRecordValidation
{
    public static string? Check(ManualRecordInput input, DateTime now)
    {
        if (!Enum.IsDefined(input.Contact))
            return "请选择本次通话的结果（正常回答、家属代答、接通不便、号码错误、已去世、不愿配合或未接通）。";
        if (input.Contact == ManualContact.NotReached && (input.Unreached is null || !Enum.IsDefined(input.Unreached.Value)))
            return "请选择未接通的原因：无人接听、占线、关机或停机、空号、拒接。";
        if (input.Contact == ManualContact.CallLater && (input.CallBackAt is not { } at || at <= now))
            return "患者说现在不方便时，请填写约定再打的时间（要晚于现在）。";
        if (input.Note is { Length: > 2000 })
            return "备注最多 2000 字，请精简。";
        if (input.Respondent is { Length: > 64 })
            return "代答人最多 64 字。";
        return null;
    }
}
