using Suifang.Core.Calls;

namespace Suifang.Core.ManualFollowUp;

/// How the nurse's call went: the connected classes of 5.3.5 and "not reached" (reason per 5.3.6).
public enum ManualContact
{
    /// 正常回答.
    Answered = 1,
    /// 家属代答.
    FamilyAnswered = 2,
    /// 接通不便：约定时间再打.
    CallLater = 3,
    /// 号码错误.
    WrongNumber = 4,
    /// 患者已去世.
    Deceased = 5,
    /// 不愿配合.
    Refused = 6,
    /// 未接通 (无人接听、占线、关机/停机、空号、拒接).
    NotReached = 7,
}

public static class ManualContactText
{
    public static string Of(ManualContact c) => c switch
    {
        ManualContact.Answered => "正常回答",
        ManualContact.FamilyAnswered => "家属代答",
        ManualContact.CallLater => "接通不便，约定再打",
        ManualContact.WrongNumber => "号码错误",
        ManualContact.Deceased => "患者已去世",
        ManualContact.Refused => "不愿配合",
        _ => "未接通",
    };

    public static CallEnd End(ManualContact c) => c switch
    {
        ManualContact.Answered or ManualContact.FamilyAnswered => CallEnd.Completed,
        ManualContact.CallLater => CallEnd.CallLater,
        ManualContact.WrongNumber => CallEnd.WrongNumber,
        ManualContact.Deceased => CallEnd.Deceased,
        ManualContact.Refused => CallEnd.Refused,
        _ => CallEnd.NotReached,
    };

    public static ManualContact FromRecord(ManualRecord r) => r.End switch
    {
        CallEnd.Completed => r.FamilyAnswered ? ManualContact.FamilyAnswered : ManualContact.Answered,
        CallEnd.CallLater => ManualContact.CallLater,
        CallEnd.WrongNumber => ManualContact.WrongNumber,
        CallEnd.Deceased => ManualContact.Deceased,
        CallEnd.Refused => ManualContact.Refused,
        _ => ManualContact.NotReached,
    };
}

/// What the nurse saves: the outcome of the call, the answers by question key (what she picked or typed), a note.
public sealed class ManualRecordInput
{
    public int? TemplateId { get; set; }
    public ManualContact Contact { get; set; } = ManualContact.Answered;
    public UnreachedReason? Unreached { get; set; }

    /// CallLater: when the patient asked to be called again.
    public DateTime? CallBackAt { get; set; }

    /// FamilyAnswered: who answered (e.g. "女儿").
    public string? Respondent { get; set; }
    public string? Note { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];
}
