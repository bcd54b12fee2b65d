using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Suifang.Core.Organization;

namespace Suifang.Core.Patients;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.Property(p => p.Name).HasMaxLength(64);
        b.Property(p => p.HisPatientId).HasMaxLength(64);
        b.Property(p => p.IdentityKey).HasMaxLength(128);
        b.Property(p => p.PhoneCipher).HasMaxLength(128);
        b.Property(p => p.PhoneIndex).HasMaxLength(32);
        b.Property(p => p.PhoneMasked).HasMaxLength(24);
        b.Property(p => p.PhoneLast4).HasMaxLength(4);
        b.Property(p => p.FamilyPhoneCipher).HasMaxLength(128);
        b.Property(p => p.FamilyPhoneIndex).HasMaxLength(32);
        b.Property(p => p.FamilyPhoneMasked).HasMaxLength(24);
        b.Property(p => p.FamilyContactName).HasMaxLength(64);
        b.Property(p => p.FamilyRelation).HasMaxLength(16);
        b.Property(p => p.IdNumberCipher).HasMaxLength(128);
        b.Property(p => p.IdNumberIndex).HasMaxLength(32);
        b.Property(p => p.IdNumberMasked).HasMaxLength(24);

        b.HasIndex(p => new { p.HospitalId, p.IdentityKey }).IsUnique();
        PatientLive(b.HasIndex(p => new { p.HospitalId, p.Name, p.Id }));
        // A common surname is tested per encounter while scanning newest first: this small index answers it
        // without reading the (wide, encrypted) patient rows.
        PatientLive(b.HasIndex(p => new { p.Id, p.Name }));
        b.HasIndex(p => p.PhoneIndex);
        b.HasIndex(p => p.FamilyPhoneIndex);
        PatientLive(b.HasIndex(p => new { p.HospitalId, p.PhoneLast4, p.Id }));
        b.HasIndex(p => p.IdNumberIndex);
        b.HasIndex(p => new { p.HospitalId, p.HisPatientId });

        b.HasOne<Hospital>().WithMany().HasForeignKey(p => p.HospitalId);
        b.HasOne<Campus>().WithMany().HasForeignKey(p => p.CampusId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Encounters).WithOne(e => e.Patient).HasForeignKey(e => e.PatientId);
        b.HasQueryFilter(p => p.DeletedAt == null);
    }

    private static void PatientLive(IndexBuilder<Patient> index) => index.HasFilter("\"DeletedAt\" IS NULL");
}

internal sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    public void Configure(EntityTypeBuilder<Encounter> b)
    {
        b.Property(e => e.VisitNumber).HasMaxLength(64);
        b.Property(e => e.AttendingDoctor).HasMaxLength(64);
        b.Property(e => e.PrimaryDiagnosisCode).HasMaxLength(16);
        b.Property(e => e.PrimaryDiagnosisName).HasMaxLength(128);
        b.OwnsMany(e => e.SecondaryDiagnoses, d =>
        {
            d.ToTable("EncounterDiagnoses");
            d.WithOwner().HasForeignKey("EncounterId");
            d.Property<int>("Id");
            d.HasKey("Id");
            d.Property(x => x.Code).HasMaxLength(16);
            d.Property(x => x.Name).HasMaxLength(128);
            d.HasIndex(x => x.Code);
        });

        // The lists read live encounters of one visit type newest first (by visit, or by discharge for the discharged),
        // for the hospital or within departments. The indexes are partial (live rows only); the hospital-wide ones end with
        // Id (the tie-break of the order) and carry department, diagnosis code and patient, so that scanning newest
        // first checks scope, code and patient without touching the table. Code and doctor searches have their own index.
        Live(b.HasIndex(e => new { e.HospitalId, e.VisitType, e.VisitAt, e.Id, e.DepartmentId, e.PrimaryDiagnosisCode, e.PatientId }));
        Live(b.HasIndex(e => new { e.HospitalId, e.VisitType, e.DischargeAt, e.Id, e.DepartmentId, e.PrimaryDiagnosisCode, e.PatientId }));
        Live(b.HasIndex(e => new { e.DepartmentId, e.VisitType, e.HospitalId, e.VisitAt }));
        Live(b.HasIndex(e => new { e.DepartmentId, e.VisitType, e.HospitalId, e.DischargeAt }));
        // They end with the patient: the to-do list resolves a code or doctor to the ids of the patients from the index alone.
        Live(b.HasIndex(e => new { e.HospitalId, e.VisitType, e.PrimaryDiagnosisCode, e.PatientId }));
        Live(b.HasIndex(e => new { e.HospitalId, e.VisitType, e.AttendingDoctor, e.VisitAt, e.DischargeAt, e.PatientId }));
        // A patient's encounters (archive, and lists filtered by name or phone) read from this index alone.
        // Id ends this and the name and last-4 indexes: PostgreSQL, unlike SQLite, does not keep the key in an index.
        b.HasIndex(e => new { e.PatientId, e.VisitType, e.HospitalId, e.DepartmentId, e.VisitAt, e.DischargeAt, e.DeletedAt, e.Id });
        b.HasIndex(e => new { e.HospitalId, e.VisitNumber });
        // The statistics rollup asks for the encounters corrected since its last run: only corrected ones are in it.
        b.HasIndex(e => new { e.HospitalId, e.UpdatedAt }).HasFilter("\"UpdatedAt\" IS NOT NULL");

        b.HasOne<Department>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Campus>().WithMany().HasForeignKey(e => e.CampusId).OnDelete(DeleteBehavior.Restrict);
        b.HasQueryFilter(e => e.DeletedAt == null);
    }

    // The same SQL on SQLite and PostgreSQL; queries carry "DeletedAt IS NULL" through the query filter, so these indexes apply.
    private static void Live(IndexBuilder<Encounter> index) => index.HasFilter("\"DeletedAt\" IS NULL");
}
