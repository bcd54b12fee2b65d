using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;

namespace Suifang.Core.Knowledge;

internal sealed class KnowledgeEntryConfiguration : IEntityTypeConfiguration<KnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntry> b)
    {
        b.ToTable("KnowledgeEntries");
        b.Property(e => e.Question).HasMaxLength(KnowledgeRules.MaxQuestion);
        b.Property(e => e.Variants).HasMaxLength(4000);
        b.Property(e => e.Answer).HasMaxLength(KnowledgeRules.MaxAnswer);
        b.Property(e => e.Owner).HasMaxLength(64);
        b.Property(e => e.PresetKey).HasMaxLength(64);
        b.Property(e => e.CreatedBy).HasMaxLength(64);
        b.Property(e => e.UpdatedBy).HasMaxLength(64);
        b.Property(e => e.Revision).IsConcurrencyToken();
        b.HasIndex(e => new { e.HospitalId, e.DepartmentId });
        b.HasIndex(e => new { e.HospitalId, e.PresetKey }).IsUnique();
        b.HasOne<Hospital>().WithMany().HasForeignKey(e => e.HospitalId);
        b.HasOne<Department>().WithMany().HasForeignKey(e => e.DepartmentId);
    }
}
