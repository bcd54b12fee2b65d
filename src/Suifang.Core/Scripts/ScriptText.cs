namespace Suifang.Core.Scripts;

/// Chinese names of the script words, shared by lists, editor and API messages.
public static class ScriptText
{
    public static string Status(ScriptStatus s) => s switch
    {
        ScriptStatus.Draft => "草稿",
        ScriptStatus.Published => "已发布",
        _ => "已归档",
    };

    public static string Purpose(ScriptRecordPurpose p) => p switch
    {
        ScriptRecordPurpose.Outpatient => "门诊随访",
        ScriptRecordPurpose.Satisfaction => "满意度调查",
        _ => "出院随访",
    };
}
