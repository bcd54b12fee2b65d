using Suifang.Agent.Scripts;

namespace Suifang.Web.Scripts;

/// The starting point of a script written from scratch: an opening with the AI disclosure and the offer of a person,
/// the identity check, one question and a closing, so that it passes the checks before anything is changed.
internal static class NewScripts
{
    public static Script Skeleton() => new()
    {
        Key = "",
        Name = "",
        Opening = "{patient}您好，我是{hospital}的AI智能随访助手，想了解一下您最近的情况，大约两分钟。需要人工服务可以随时告诉我。",
        IdentityCheck = "请问您是{patient}本人，还是家属呢？",
        Questions =
        [
            new() { Key = "symptom_improved", Text = "这次看病以后，不舒服的症状有没有好转？", Rephrase = "看病以后，好点了吗？",
                Dtmf = new Dictionary<string, string> { ["1"] = "yes", ["2"] = "no" } },
        ],
        Closing = "好的，问题都问完了。有不舒服请及时来医院。感谢您的配合，再见！",
    };
}
