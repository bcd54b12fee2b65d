namespace Suifang.Integrations.Sms;

/// Provider settings (section "Sms": Provider, Aliyun, Tencent, TimeoutSeconds). Keys come from the environment or a
/// secrets store, never from appsettings.json in the repository.
public sealed class SmsProviderOptions
{
    public string Provider { get; set; } = "Simulated";
    public int TimeoutSeconds { get; set; } = 10;
    public AliyunSmsOptions Aliyun { get; set; } = new();
    public TencentSmsOptions Tencent { get; set; } = new();
}

public sealed class AliyunSmsOptions
{
    public string Endpoint { get; set; } = "https://dysmsapi.aliyuncs.com/";
    public string RegionId { get; set; } = "cn-hangzhou";
    public string AccessKeyId { get; set; } = "";
    public string AccessKeySecret { get; set; } = "";
    /// 短信签名, e.g. 第一人民医院 (approved in the Aliyun console).
    public string SignName { get; set; } = "";
}

public sealed class TencentSmsOptions
{
    public string Endpoint { get; set; } = "https://sms.tencentcloudapi.com/";
    public string Region { get; set; } = "ap-guangzhou";
    public string SecretId { get; set; } = "";
    public string SecretKey { get; set; } = "";
    public string SdkAppId { get; set; } = "";
    public string SignName { get; set; } = "";
}
