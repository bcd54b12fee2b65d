namespace Suifang.Core.Calls;

public enum CallFlagKind
{
    /// 号码错误: the person who answered said it is not the patient's number. Holds for that number only.
    WrongNumber = 1,
    /// 不愿配合: refused or abusive; no more AI calls (a nurse may still call).
    Uncooperative = 2,
    /// 已去世: plans stopped with care, no more calls.
    Deceased = 3,
}

/// A mark left on a patient by a call, that keeps the AI from calling again. Cleared by a nurse (ClearedAt), never deleted.
public sealed class PatientCallFlag
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public long PatientId { get; set; }
    public CallFlagKind Kind { get; set; }

    /// WrongNumber: the keyed index of the number that was wrong (a new number is called again).
    public string? PhoneIndex { get; set; }
    public required string Reason { get; set; }
    public long? CallId { get; set; }
    public DateTime At { get; set; }
    public DateTime? ClearedAt { get; set; }
    public string? ClearedBy { get; set; }
}
