using Suifang.Core.Pathways;

namespace Suifang.Core.Statistics;

/// The counts behind the four measures of 5.1.7 for one channel and one group (a department or a staff member).
/// Unit: one follow-up task, i.e. one channel's follow-up of one plan step (a fallback SMS after an unreached call is a
/// second follow-up, of the SMS channel).
/// - Due (应随访): tasks whose follow-up window opens in the period (the plan step's DueFrom), not cancelled.
/// - FollowedUp (已随访) = attempted: at least one attempt was made (a call dialled, an SMS or link sent, a nurse's
///   record), or the task finished.
/// - Reached (已联系上) = completed: the patient answered — the call was completed, the SMS delivered, the questionnaire
///   submitted, the nurse's record says the patient was reached.
/// - Abnormal (异常): plan steps of the period whose answers from this channel fired a trigger (abnormal or critical).
public sealed record FollowUpMeasures(int Due, int FollowedUp, int Completed, int Abnormal)
{
    public static readonly FollowUpMeasures Zero = new(0, 0, 0, 0);

    public int Attempted => FollowedUp;
    public int Reached => Completed;

    /// 随访覆盖率 = 已随访 / 应随访.
    public double? Coverage => Rate(FollowedUp, Due);
    /// 联系成功率 = 已联系上 / 已尝试.
    public double? Reach => Rate(Reached, Attempted);
    /// 随访完成率 = 已完成 / 应随访.
    public double? Completion => Rate(Completed, Due);
    /// 异常率 = 触发异常的随访 / 已完成.
    public double? AbnormalRate => Rate(Abnormal, Completed);

    public static FollowUpMeasures operator +(FollowUpMeasures a, FollowUpMeasures b) =>
        new(a.Due + b.Due, a.FollowedUp + b.FollowedUp, a.Completed + b.Completed, a.Abnormal + b.Abnormal);

    /// A share between 0 and 1, or null when the denominator is zero (shown as "—", never as 0%).
    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0") + "%" : "—";
}

public enum StatisticsGrouping
{
    Department = 1,
    /// By the attending doctor (主治医生) of the encounter the plan was made for.
    Staff = 2,
}

/// One row of the table: a department (or a staff member within a department) and a channel.
public sealed record StatisticsRow(int DepartmentId, string DepartmentName, string? Staff, ChannelKind Channel, FollowUpMeasures Measures);

/// One point of the trend: the day (or the first day of the month) and the counts of all selected channels.
public sealed record TrendPoint(DateOnly Day, FollowUpMeasures Measures);

public sealed record StatisticsFilter
{
    public required StatisticsPeriod Period { get; init; }
    public StatisticsGrouping Grouping { get; init; } = StatisticsGrouping.Department;
    public int? DepartmentId { get; init; }
    public ChannelKind? Channel { get; init; }
}

public sealed record StatisticsReport(
    StatisticsFilter Filter,
    IReadOnlyList<StatisticsRow> Rows,
    IReadOnlyDictionary<ChannelKind, FollowUpMeasures> ByChannel,
    FollowUpMeasures Total,
    IReadOnlyList<TrendPoint> Trend)
{
    /// All channels summed per department (the bars of the chart).
    public IReadOnlyList<(string Department, FollowUpMeasures Measures)> ByDepartment() => Rows
        .GroupBy(r => r.DepartmentName)
        .Select(g => (g.Key, g.Select(r => r.Measures).Aggregate(FollowUpMeasures.Zero, (a, b) => a + b)))
        .OrderBy(x => x.Key, StringComparer.Ordinal)
        .ToList();
}

public static class ChannelNames
{
    public static readonly ChannelKind[] All = [ChannelKind.AiCall, ChannelKind.Sms, ChannelKind.Questionnaire, ChannelKind.Manual];

    public static string Of(ChannelKind channel) => channel switch
    {
        ChannelKind.AiCall => "AI 电话",
        ChannelKind.Sms => "短信",
        ChannelKind.Questionnaire => "问卷",
        _ => "人工随访",
    };

    /// The Source written on to-dos (TodoItem.Source) by each channel.
    public static string TodoSource(ChannelKind channel) => channel switch
    {
        ChannelKind.AiCall => "ai-call",
        ChannelKind.Sms => "sms",
        ChannelKind.Questionnaire => "questionnaire",
        _ => "manual",
    };
}
