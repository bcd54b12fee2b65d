using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Tasks.Simulated;

namespace Suifang.Core.Tasks;

internal sealed class TaskQueueSettingConfiguration : IEntityTypeConfiguration<TaskQueueSetting>
{
    public void Configure(EntityTypeBuilder<TaskQueueSetting> b)
    {
        b.ToTable("TaskQueueSettings");
        b.HasKey(s => s.Queue);
        b.Property(s => s.Queue).HasMaxLength(32);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.OwnsMany(s => s.Shares, x => x.ToJson());
    }
}

internal sealed class SimulatedEffectConfiguration : IEntityTypeConfiguration<SimulatedEffect>
{
    public void Configure(EntityTypeBuilder<SimulatedEffect> b)
    {
        b.ToTable("SimulatedEffects");
        b.HasKey(e => e.EffectKey);
        b.Property(e => e.EffectKey).HasMaxLength(128);
        b.Property(e => e.Summary).HasMaxLength(256);
        b.HasIndex(e => new { e.PatientId, e.StartedAt });
    }
}
