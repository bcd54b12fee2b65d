using Microsoft.EntityFrameworkCore;
using Suifang.Core.Accounts;
using Suifang.Core.Data;

namespace Suifang.Core.Quality;

public sealed record QualitySettingsInput(double SamplePercent, bool SampleHandoffs, bool SampleRedFlags, string? ForbiddenRules,
    int? KeepAudioDays, int? KeepTextDays, int? KeepDataDays);

/// An admin changes the hospital's sampling share, forbidden-content rules and retention (7.2.5.2); audited. Every
/// refusal says what to fix, in Chinese.
public static class SaveQualitySettings
{
    public static async Task<QualitySettings> LoadAsync(SuifangDbContext db, int hospitalId, CancellationToken ct) =>
        await db.QualitySettings.AsNoTracking().FirstOrDefaultAsync(s => s.HospitalId == hospitalId && s.DepartmentId == null, ct)
            ?? new QualitySettings { HospitalId = hospitalId };

    public static async Task<IReadOnlyList<string>> SaveAsync(SuifangDbContext db, StaffScope scope, QualitySettingsInput input, DateTime now, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!scope.IsAdmin)
            return ["只有管理员可以修改质检和保存期限设置。如需调整，请联系信息科。"];
        if (input.SamplePercent is < 0 or > 100 || double.IsNaN(input.SamplePercent))
            errors.Add("抽检比例应在 0 到 100 之间（百分比，例如 5 表示抽检 5% 的通话）。");
        try
        {
            ForbiddenRule.Parse(input.ForbiddenRules);
        }
        catch (FormatException e)
        {
            errors.Add(e.Message);
        }
        foreach (var (days, name) in new[] { (input.KeepAudioDays, "录音"), (input.KeepTextDays, "通话文字"), (input.KeepDataDays, "结构化回答") })
            if (days is < 1)
                errors.Add($"{name}的保存天数至少为 1 天；不填表示一直保存。");
        if (input.KeepDataDays is { } data && input.KeepTextDays is { } text && data < text)
            errors.Add("结构化回答的保存期限不能短于通话文字：回答是通话文字的依据。请调整其中一项。");
        if (errors.Count > 0)
            return errors;
        var settings = await db.QualitySettings.FirstOrDefaultAsync(s => s.HospitalId == scope.HospitalId && s.DepartmentId == null, ct);
        if (settings is null)
            db.QualitySettings.Add(settings = new QualitySettings { HospitalId = scope.HospitalId });
        settings.SamplePercent = input.SamplePercent;
        settings.SampleHandoffs = input.SampleHandoffs;
        settings.SampleRedFlags = input.SampleRedFlags;
        settings.ForbiddenRules = string.IsNullOrWhiteSpace(input.ForbiddenRules) ? null : input.ForbiddenRules.Trim();
        settings.KeepAudioDays = input.KeepAudioDays;
        settings.KeepTextDays = input.KeepTextDays;
        settings.KeepDataDays = input.KeepDataDays;
        settings.UpdatedAt = now;
        settings.UpdatedBy = scope.UserName;
        db.Actor = scope.Actor;
        db.AuditEvent("quality.settings", "QualitySettings", scope.HospitalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"质检设置：抽检 {input.SamplePercent}%；保存期限 录音 {Days(input.KeepAudioDays)}、文字 {Days(input.KeepTextDays)}、数据 {Days(input.KeepDataDays)}");
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static string Days(int? days) => days is { } d ? $"{d} 天" : "不限";
}
