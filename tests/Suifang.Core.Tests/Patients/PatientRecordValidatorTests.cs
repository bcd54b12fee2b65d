using Suifang.Core.Organization;
using Suifang.Core.Patients;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Tests.Patients;

public sealed class PatientRecordValidatorTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0);

    internal static HospitalDirectory Directory() => HospitalDirectoryFactory.Create(
        [new Department { Id = 1, Code = "XNK", Name = "心血管内科", Aliases = "心内科;心内" }]);

    private static PatientRecordValidator Validator() => new(Directory(), () => Now);

    internal static PatientRecord Good() => new()
    {
        Name = "张三",
        Gender = "男",
        Phone = "13812341234",
        Encounter = new EncounterRecord
        {
            VisitType = "出院",
            Department = "心内科",
            VisitAt = new DateTime(2026, 11, 1, 9, 0, 0),
            DischargeAt = new DateTime(2026, 11, 8, 10, 0, 0),
            PrimaryDiagnosisCode = "i21.9",
            PrimaryDiagnosisName = "急性心肌梗死",
        },
    };

    [Fact]
    public void A_complete_record_is_accepted_with_the_department_found_by_its_alias()
    {
        var (patient, errors) = Validator().Validate(Good());
        Assert.Empty(errors);
        Assert.Equal("心血管内科", patient!.Encounter!.Department.Name);
        Assert.Equal("I21.9", patient.Encounter.PrimaryDiagnosisCode);
        Assert.Equal(VisitType.Discharged, patient.Encounter.VisitType);
    }

    [Theory]
    [InlineData("手机号", "1381234")]
    [InlineData("手机号", "")]
    public void A_bad_or_missing_phone_is_refused_with_what_to_write(string field, string phone)
    {
        var (_, errors) = Validator().Validate(Good() with { Phone = phone });
        var e = Assert.Single(errors);
        Assert.Equal(field, e.Field);
        Assert.Contains("11 位手机号", e.Message);
    }

    [Fact]
    public void A_missing_name_is_refused() =>
        Assert.Equal("姓名", Assert.Single(Validator().Validate(Good() with { Name = " " }).Errors).Field);

    [Fact]
    public void An_unknown_department_names_the_department_and_the_fix()
    {
        var r = Good() with { Encounter = Good().Encounter! with { Department = "火星科" } };
        var e = Assert.Single(Validator().Validate(r).Errors);
        Assert.Contains("火星科", e.Message);
        Assert.Contains("科室管理", e.Message);
    }

    [Fact]
    public void A_date_in_the_future_is_refused()
    {
        var r = Good() with { Encounter = Good().Encounter! with { DischargeAt = Now.AddDays(2) } };
        Assert.Contains(Validator().Validate(r).Errors, e => e.Field == "出院时间" && e.Message.Contains("之后"));
    }

    [Fact]
    public void A_discharge_before_admission_is_refused()
    {
        var r = Good() with { Encounter = Good().Encounter! with { DischargeAt = new DateTime(2026, 10, 1) } };
        Assert.Contains(Validator().Validate(r).Errors, e => e.Message.Contains("早于入院时间"));
    }

    [Theory]
    [InlineData("I21.9", true)]
    [InlineData("E11", true)]
    [InlineData("Z96.651", true)]
    [InlineData("21.9", false)]
    [InlineData("心梗", false)]
    public void Diagnosis_codes_must_be_ICD10(string code, bool valid)
    {
        var r = Good() with { Encounter = Good().Encounter! with { PrimaryDiagnosisCode = code } };
        Assert.Equal(valid, Validator().Validate(r).Errors.Count == 0);
    }

    [Fact]
    public void An_ID_number_gives_the_birth_date_and_a_wrong_check_digit_is_refused()
    {
        var (ok, _) = Validator().Validate(Good() with { IdNumber = "11010519491231002x" });
        Assert.Equal(new DateOnly(1949, 12, 31), ok!.BirthDate);
        Assert.Equal("11010519491231002X", ok.IdNumber);
        Assert.Equal("身份证号", Assert.Single(Validator().Validate(Good() with { IdNumber = "110105194912310021" }).Errors).Field);
    }

    [Fact]
    public void An_age_alone_gives_an_estimated_birth_date()
    {
        var (ok, _) = Validator().Validate(Good() with { Age = 66 });
        Assert.Equal(new DateOnly(1960, 1, 1), ok!.BirthDate);
        Assert.True(ok.BirthDateEstimated);
    }

    [Fact]
    public void An_inpatient_with_a_discharge_time_is_a_discharge()
    {
        var r = Good() with { Encounter = Good().Encounter! with { VisitType = "住院" } };
        Assert.Equal(VisitType.Discharged, Validator().Validate(r).Patient!.Encounter!.VisitType);
    }

    [Fact]
    public void Every_error_of_a_record_is_reported_at_once()
    {
        var r = new PatientRecord { Phone = "123", Gender = "X", Encounter = new EncounterRecord() };
        var fields = Validator().Validate(r).Errors.Select(e => e.Field).ToList();
        Assert.Superset(new HashSet<string> { "姓名", "手机号", "性别", "就诊类型", "科室", "主要诊断编码", "主要诊断名称" }, fields.ToHashSet());
    }
}
