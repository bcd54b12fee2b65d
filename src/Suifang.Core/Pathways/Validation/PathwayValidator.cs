using System.Text.RegularExpressions;
using Suifang.Core.Pathways.Editing;
using Suifang.Core.Patients.Writing;

namespace Suifang.Core.Pathways.Validation;

/// Checks a pathway before it is saved (5.1.5, 7.2.3.1): diseases are ICD-10, there are nodes, each node's time point,
/// window, questions, triggers and channels make sense. Every message says in Chinese what is wrong and how to fix it.
public static partial class PathwayValidator
{
    public const int MaxNodes = 30;
    public const int MaxOffsetDays = 5 * 365;
    public const int MaxWindowDays = 90;

    public static IReadOnlyList<FieldError> Validate(PathwayInput input)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));

        if (string.IsNullOrWhiteSpace(input.Name))
            Add("路径名称", "请填写路径名称，例如“冠脉介入术后随访”。");
        else if (input.Name.Trim().Length > 128)
            Add("路径名称", "路径名称请控制在 128 个字以内。");

        if (string.IsNullOrWhiteSpace(input.DiseaseCodes))
            Add("病种编码", "请填写路径适用的 ICD-10 编码或范围，例如 I20-I25;Z95.5（多个之间用分号隔开）。");
        else if (!IcdRange.TryParseList(input.DiseaseCodes, out _, out var codeErrors))
            errors.AddRange(codeErrors.Select(e => new FieldError("病种编码", e)));
        else if (input.DiseaseCodes.Length > 512)
            Add("病种编码", "病种编码太长（最多 512 个字符），请合并为范围，例如 I20-I25。");

        if (string.IsNullOrWhiteSpace(input.DiseaseNames))
            Add("病种名称", "请填写病种名称，例如“冠心病 PCI 术后”，列表和筛选会用到。");
        else if (input.DiseaseNames.Trim().Length > 256)
            Add("病种名称", "病种名称请控制在 256 个字以内。");
        if (input.Description?.Length > 2000)
            Add("说明", "说明请控制在 2000 个字以内。");

        if (input.Nodes.Count == 0)
            Add("随访节点", "请至少添加一个随访节点：路径没有节点就不会产生任何随访。");
        else if (input.Nodes.Count > MaxNodes)
            Add("随访节点", $"一条路径最多 {MaxNodes} 个节点，请删去一些或拆成两条路径。");

        CheckTimeline(input.Nodes, Add);
        foreach (var node in input.Nodes)
            NodeValidator.Check(node, Add);
        return errors;
    }

    /// Two nodes at the same time point, or a window that runs past the next node of the same anchor.
    private static void CheckTimeline(List<NodeInput> nodes, Action<string, string> add)
    {
        foreach (var group in nodes.GroupBy(n => n.Anchor))
        {
            var ordered = group.OrderBy(n => n.OffsetDays).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (previous, next) = (ordered[i - 1], ordered[i]);
                if (previous.OffsetDays == next.OffsetDays)
                    add(NodeValidator.Field(next, "时间点"), $"已有一个“{PathwayText.Anchor(next.Anchor)}后 {previous.Label}”的节点，两个节点不能在同一时间点：请改动其中一个的时间点，或把问题合并到一个节点。");
                else if (previous.WindowDays >= 0 && previous.OffsetDays + previous.WindowDays > next.OffsetDays)
                    add(NodeValidator.Field(previous, "窗口期"), $"窗口期 {previous.WindowDays} 天会越过下一个节点 {next.Label}，两次随访会重叠：请把窗口期缩短到 {next.OffsetDays - previous.OffsetDays} 天以内，或把下一个节点往后移。");
            }
        }
    }

    internal static bool IsKey(string? text) => text is not null && Key().IsMatch(text.Trim());

    [GeneratedRegex(@"^[a-z][a-z0-9_.\-]{1,47}$")]
    private static partial Regex Key();
}
