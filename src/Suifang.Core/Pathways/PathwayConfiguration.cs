using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;

namespace Suifang.Core.Pathways;

internal sealed class PathwayConfiguration : IEntityTypeConfiguration<Pathway>
{
    public void Configure(EntityTypeBuilder<Pathway> b)
    {
        b.Property(p => p.Key).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(128);
        b.Property(p => p.DiseaseCodes).HasMaxLength(512);
        b.Property(p => p.DiseaseNames).HasMaxLength(256);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.CreatedBy).HasMaxLength(64);
        b.Property(p => p.UpdatedBy).HasMaxLength(64);
        b.HasIndex(p => new { p.HospitalId, p.Key, p.Version }).IsUnique();
        b.HasIndex(p => new { p.HospitalId, p.DepartmentId, p.Status });
        b.HasOne<Hospital>().WithMany().HasForeignKey(p => p.HospitalId);
        b.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Nodes).WithOne().HasForeignKey(n => n.PathwayId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Nodes).AutoInclude(false);
    }
}

internal sealed class PathwayNodeConfiguration : IEntityTypeConfiguration<PathwayNode>
{
    public void Configure(EntityTypeBuilder<PathwayNode> b)
    {
        b.Property(n => n.Title).HasMaxLength(128);
        b.Property(n => n.ScriptKey).HasMaxLength(64);
        b.Ignore(n => n.Label);
        b.Ignore(n => n.OffsetDays);
        // A node's questions, triggers and channels are read and written with the node: JSON columns.
        b.OwnsMany(n => n.Questions, q => q.ToJson());
        b.OwnsMany(n => n.Triggers, t => t.ToJson());
        b.OwnsMany(n => n.Channels, c => c.ToJson());
        b.HasIndex(n => new { n.PathwayId, n.Order });
    }
}
