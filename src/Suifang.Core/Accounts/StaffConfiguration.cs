using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;

namespace Suifang.Core.Accounts;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(64);
        b.HasMany(u => u.Departments).WithOne().HasForeignKey(d => d.UserId);
    }
}

internal sealed class StaffDepartmentConfiguration : IEntityTypeConfiguration<StaffDepartment>
{
    public void Configure(EntityTypeBuilder<StaffDepartment> b)
    {
        b.HasKey(d => new { d.UserId, d.DepartmentId });
        b.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId);
    }
}
