using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;

namespace Suifang.Core.Scripts;

internal sealed class ScriptRecordConfiguration : IEntityTypeConfiguration<ScriptRecord>
{
    public void Configure(EntityTypeBuilder<ScriptRecord> b)
    {
        b.ToTable("Scripts");
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Name).HasMaxLength(128);
        b.Property(s => s.CreatedBy).HasMaxLength(64);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.HasIndex(s => new { s.HospitalId, s.Key, s.Version }).IsUnique();
        b.HasIndex(s => new { s.HospitalId, s.DepartmentId, s.Purpose, s.Status });
        b.HasOne<Hospital>().WithMany().HasForeignKey(s => s.HospitalId);
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
