
namespace Suifang.Core.Calls;

/// The Chinese words for call endings, unreached reasons and flags, shared by summaries, audit entries and pages.
public static class CallText
{
    public static string End(CallEnd end) => end switch
    {
        CallEnd.Completed => "随访完成",
        CallEnd.Partial => "部分完成",
        CallEnd.CallLater => "接通不便，约定再打",
        CallEnd.WrongNumber => "号码错误",
        CallEnd.Deceased => "患者已去世",
        CallEnd.HandedOff => "转人工",
        CallEnd.Refused => "不愿配合",
        CallEnd.NoResponse => "接通后无应答",
        CallEnd.Voicemail => "自动留言",
        CallEnd.NotReached => "未接通",
        CallEnd.Interrupted => "通话中断",
        _ => "进行中",
    };

    public static string NotReached(UnreachedReason reason) => reason switch
    {
        UnreachedReason.NoAnswer => "无人接听",
        UnreachedReason.Busy => "占线",
        UnreachedReason.PoweredOff => "关机或停机",
        UnreachedReason.InvalidNumber => "空号",
        UnreachedReason.Rejected => "拒接",
        UnreachedReason.OutOfService => "停机",
        _ => "网络故障",
    };

    public static string Flag(CallFlagKind kind) => kind switch
    {
        CallFlagKind.WrongNumber => "号码错误",
        CallFlagKind.Uncooperative => "不愿配合",
        _ => "已去世",
    };
}
