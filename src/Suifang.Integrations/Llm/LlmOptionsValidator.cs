using Microsoft.Extensions.Options;

namespace Suifang.Integrations.Llm;

internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions o)
    {
        if (!o.IsConfigured)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (!Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            errors.Add($"Llm:Endpoint“{o.Endpoint}”不是有效的 http(s) 地址，例如 http://llm.hospital.local:8000/v1；不用大模型时请留空。");
        if (string.IsNullOrWhiteSpace(o.Model))
            errors.Add("配置了 Llm:Endpoint，但没有配置 Llm:Model（模型名称，例如 qwen2.5-7b-instruct）。");
        if (o.TimeoutSeconds is < 1 or > 120)
            errors.Add("Llm:TimeoutSeconds 应在 1–120 秒之间。");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
