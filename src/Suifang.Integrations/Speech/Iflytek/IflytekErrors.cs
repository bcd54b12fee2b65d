namespace Suifang.Integrations.Speech.Iflytek;

/// iFlytek's error codes (讯飞开放平台错误码) in plain Chinese, with what to do.
internal static class IflytekErrors
{
    private static readonly Dictionary<int, string> Meanings = new()
    {
        [10005] = "应用 ID（AppID）授权失败：AppID 不对，或这个应用没有开通该服务",
        [10006] = "请求缺少必要的参数",
        [10007] = "请求参数的值不合法",
        [10010] = "引擎授权不足，请在控制台检查服务额度",
        [10019] = "会话超时",
        [10043] = "音频解码失败，请确认音频是 8k 或 16k 的 16 位单声道 PCM",
        [10101] = "会话已经结束",
        [10105] = "没有访问权限：请检查 AppID、APIKey 是否属于同一个应用",
        [10106] = "参数名称无效",
        [10107] = "参数值无效",
        [10109] = "文本太长：单次合成不能超过 8000 字节（约 2000 个汉字）",
        [10110] = "没有授权许可，服务可能已过期",
        [10114] = "会话超时",
        [10139] = "参数错误",
        [10160] = "请求数据不是有效的 JSON",
        [10161] = "base64 解码失败",
        [10163] = "参数校验失败",
        [10165] = "无效的会话",
        [10200] = "读取数据超时：音频发送中断",
        [10222] = "网络异常",
        [10313] = "AppID 不能为空",
        [10317] = "接口版本不对",
        [11200] = "功能没有授权：所选发音人或服务没有开通，或试用已过期",
        [11201] = "今日调用次数已超过上限",
        [11502] = "服务配置错误",
        [11503] = "服务内部错误",
    };

    public static SpeechProviderException Describe(string service, int code, string? message, string? sid)
    {
        var meaning = Meanings.GetValueOrDefault(code, "未知错误，请在讯飞开放平台文档“错误码”页查这个编号");
        return new SpeechProviderException(
            $"讯飞{service}返回错误 {code}：{meaning}。（会话 {sid ?? "无"}，原始信息：{message}）");
    }
}
