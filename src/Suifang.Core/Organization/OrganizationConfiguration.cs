using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Suifang.Core.Organization;

internal sealed class HospitalConfiguration : IEntityTypeConfiguration<Hospital>
{
    public void Configure(EntityTypeBuilder<Hospital> b)
    {
        b.Property(h => h.Code).HasMaxLength(32);
        b.Property(h => h.Name).HasMaxLength(128);
        b.HasIndex(h => h.Code).IsUnique();
        b.HasMany(h => h.Campuses).WithOne().HasForeignKey(c => c.HospitalId);
    }
}

internal sealed class CampusConfiguration : IEntityTypeConfiguration<Campus>
{
    public void Configure(EntityTypeBuilder<Campus> b)
    {
        b.Property(c => c.Code).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(128);
        b.HasIndex(c => new { c.HospitalId, c.Code }).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Code).HasMaxLength(32);
        b.Property(d => d.Name).HasMaxLength(64);
        b.Property(d => d.Aliases).HasMaxLength(512);
        b.HasIndex(d => new { d.HospitalId, d.Code }).IsUnique();
        b.HasOne<Hospital>().WithMany().HasForeignKey(d => d.HospitalId);
        b.HasOne<Campus>().WithMany().HasForeignKey(d => d.CampusId);
    }
}
