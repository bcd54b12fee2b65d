using System.ComponentModel.DataAnnotations;

namespace Suifang.Integrations.His;

internal enum HisProvider
{
    Demo,
    Fhir,
}

/// The HIS connection (configuration section "His").
internal sealed class HisOptions
{
    public const string Section = "His";

    public HisProvider Provider { get; set; } = HisProvider.Demo;

    /// Quartz cron (seconds first) for the daily pull; the default is 01:30 every day.
    [Required]
    public string PullCron { get; set; } = "0 30 1 * * ?";

    public FhirOptions Fhir { get; set; } = new();
}

internal sealed class FhirOptions
{
    /// The FHIR R4 endpoint, e.g. https://his.example.org/fhir (required when Provider is Fhir).
    public string? BaseUrl { get; set; }

    /// A bearer token; or UserName and Password for basic authentication.
    public string? Token { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    /// Further attempts after a server error or timeout, waiting RetryDelayMilliseconds, then twice that, and so on.
    public int Retries { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 2000;

    public int PageSize { get; set; } = 100;

    /// Identifier systems of the hospital's medical record number (病案号/患者编号); also recognised by type code MR.
    public List<string> MrnSystems { get; set; } = [];

    /// Identifier systems of the resident ID number (居民身份证号); also recognised by type code NI or NNCHN.
    public List<string> IdNumberSystems { get; set; } = ["urn:oid:2.16.156.10011.1.3"];

    /// Coding systems accepted as ICD-10 besides http://hl7.org/fhir/sid/icd-10 and the WHO OID 2.16.840.1.113883.6.3.
    public List<string> Icd10Systems { get; set; } = [];
}
