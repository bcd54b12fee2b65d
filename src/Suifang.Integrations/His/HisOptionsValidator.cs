using Microsoft.Extensions.Options;
using Quartz;

namespace Suifang.Integrations.His;

/// Checks the HIS settings at start and says in Chinese what to fix.
internal sealed class HisOptionsValidator : IValidateOptions<HisOptions>
{
    public ValidateOptionsResult Validate(string? name, HisOptions options)
    {
        var errors = new List<string>();
        if (!IsCron(options.PullCron))
            errors.Add($"His:PullCron“{options.PullCron}”不是有效的 Quartz cron 表达式（秒 分 时 日 月 周），例如每天 01:30 为“0 30 1 * * ?”。");
        if (options.Provider == HisProvider.Fhir)
        {
            if (string.IsNullOrWhiteSpace(options.Fhir.BaseUrl))
                errors.Add("已选择 FHIR 接口（His:Provider=Fhir），但没有配置 His:Fhir:BaseUrl，例如 https://his.example.org/fhir。");
            else if (!Uri.TryCreate(options.Fhir.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"His:Fhir:BaseUrl“{options.Fhir.BaseUrl}”不是有效的 http(s) 地址。");
            if (options.Fhir.TimeoutSeconds is < 1 or > 600)
                errors.Add("His:Fhir:TimeoutSeconds 应在 1–600 秒之间。");
            if (options.Fhir.Retries is < 0 or > 10)
                errors.Add("His:Fhir:Retries 应在 0–10 次之间。");
            if (options.Fhir.RetryDelayMilliseconds is < 0 or > 600_000)
                errors.Add("His:Fhir:RetryDelayMilliseconds 应在 0–600000 毫秒之间。");
            if (options.Fhir.PageSize is < 1 or > 1000)
                errors.Add("His:Fhir:PageSize 应在 1–1000 之间。");
            if (!string.IsNullOrEmpty(options.Fhir.Token) && !string.IsNullOrEmpty(options.Fhir.UserName))
                errors.Add("His:Fhir:Token 与 His:Fhir:UserName 只能二选一：令牌认证或用户名密码认证。");
            if (!string.IsNullOrEmpty(options.Fhir.UserName) && string.IsNullOrEmpty(options.Fhir.Password))
                errors.Add("配置了 His:Fhir:UserName，但没有配置 His:Fhir:Password。");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return false;
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
