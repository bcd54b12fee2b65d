using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Pathways;

namespace Suifang.Core.Statistics.Rollup;

/// 日汇总 (5.1.7): the follow-up counts of one closed hospital day (the day the task's window opens, DueFrom) for one
/// department × attending doctor × channel — the same counts FollowUpStatistics makes live (see FollowUpMeasures).
/// Written only by StatisticsRollup, a whole day at a time; a day counts as rolled up when its StatisticsRolledDay exists.
public sealed class StatisticsDay
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public DateOnly Day { get; set; }
    public int DepartmentId { get; set; }

    /// The encounter's attending doctor, trimmed; "" when there is none (shown as FollowUpStatistics.NoStaff).
    public string Staff { get; set; } = "";
    public ChannelKind Channel { get; set; }
    public int Due { get; set; }
    public int FollowedUp { get; set; }
    public int Completed { get; set; }

    /// Plan steps of the day with an abnormal or critical to-do from this channel (may be > 0 where Due is 0).
    public int Abnormal { get; set; }
}

/// 外呼批次的日汇总: one outbound batch (day, department, plan node, script version) of a closed day, as
/// OutboundBatches lists it; a batch never spans two days, so the row is the batch itself.
public sealed class StatisticsBatchDay
{
    public long Id { get; set; }
    public int HospitalId { get; set; }
    public DateOnly Day { get; set; }
    public int DepartmentId { get; set; }
    public string? Period { get; set; }
    public required string ScriptKey { get; set; }
    public int ScriptVersion { get; set; }
    public DateTime FirstCallAt { get; set; }
    public DateTime LastCallAt { get; set; }
    public int Calls { get; set; }
    public int Patients { get; set; }
    public int Answered { get; set; }
    public int Completed { get; set; }
}

/// A day whose StatisticsDay and StatisticsBatchDay rows are complete, and when they were computed. Reports read the
/// rollup only for days with this row and count every other day live; deleting these rows makes the job rebuild them.
public sealed class StatisticsRolledDay
{
    public int HospitalId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime RolledAt { get; set; }
}

internal sealed class StatisticsDayConfiguration : IEntityTypeConfiguration<StatisticsDay>
{
    public void Configure(EntityTypeBuilder<StatisticsDay> b)
    {
        b.ToTable("StatisticsDays");
        b.Property(d => d.Staff).HasMaxLength(100);
        b.HasIndex(d => new { d.HospitalId, d.Day, d.DepartmentId, d.Staff, d.Channel }).IsUnique();
    }
}

internal sealed class StatisticsBatchDayConfiguration : IEntityTypeConfiguration<StatisticsBatchDay>
{
    public void Configure(EntityTypeBuilder<StatisticsBatchDay> b)
    {
        b.ToTable("StatisticsBatchDays");
        b.Property(d => d.Period).HasMaxLength(32);
        b.Property(d => d.ScriptKey).HasMaxLength(128);
        b.HasIndex(d => new { d.HospitalId, d.Day, d.FirstCallAt });
    }
}

internal sealed class StatisticsRolledDayConfiguration : IEntityTypeConfiguration<StatisticsRolledDay>
{
    public void Configure(EntityTypeBuilder<StatisticsRolledDay> b)
    {
        b.ToTable("StatisticsRolledDays");
        b.HasKey(d => new { d.HospitalId, d.Day });
    }
}
