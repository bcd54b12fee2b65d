using System.Globalization;
using Suifang.Core.Pathways;
using Suifang.Core.Statistics;

namespace Suifang.Web.Statistics;

/// The query string of the statistics page, API and export: ?period=Month&day=2026-11-15 (or &from=…&to= for Custom)
/// &groupBy=Department|Staff&departmentId=&channel=AiCall. The page builds its links with ToQuery, so the export downloads
/// exactly what the page shows.
internal sealed record StatisticsQuery(string? Period, string? Day, string? From, string? To, string? GroupBy, int? DepartmentId, string? Channel)
{
    /// The filter, or the reasons in Chinese (by parameter) why the query cannot be used.
    public (StatisticsFilter? Filter, Dictionary<string, string[]> Errors) Parse(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = PeriodKind.Month;
        if (!string.IsNullOrWhiteSpace(Period) && (!Enum.TryParse(Period, true, out kind) || !Enum.IsDefined(kind)))
            errors["period"] = ["统计周期应为 Day、Week、Month、Quarter、Year 或 Custom（日、周、月、季度、年、自定义）。"];
        var grouping = StatisticsGrouping.Department;
        if (!string.IsNullOrWhiteSpace(GroupBy) && (!Enum.TryParse(GroupBy, true, out grouping) || !Enum.IsDefined(grouping)))
            errors["groupBy"] = ["分组应为 Department（按科室）或 Staff（按医生）。"];
        ChannelKind? channel = null;
        if (!string.IsNullOrWhiteSpace(Channel))
        {
            if (Enum.TryParse<ChannelKind>(Channel, true, out var c) && Enum.IsDefined(c))
                channel = c;
            else
                errors["channel"] = ["随访方式应为 AiCall、Sms、Questionnaire 或 Manual（AI 电话、短信、问卷、人工随访）。"];
        }
        var day = Date(Day, "day", errors) ?? today;
        StatisticsPeriod? period = null;
        if (kind == PeriodKind.Custom)
        {
            var (first, last) = (Date(From, "from", errors), Date(To, "to", errors));
            if (first is null || last is null)
                errors.TryAdd("from", ["自定义周期请填写开始日期 from 和结束日期 to（yyyy-MM-dd）。"]);
            else
            {
                var (custom, error) = StatisticsPeriod.Custom(first.Value, last.Value);
                if (error is not null)
                    errors["to"] = [error];
                period = custom;
            }
        }
        else if (!errors.ContainsKey("period"))
            period = StatisticsPeriod.Around(kind, day);
        if (errors.Count > 0 || period is null)
            return (null, errors);
        return (new StatisticsFilter { Period = period, Grouping = grouping, DepartmentId = DepartmentId, Channel = channel }, errors);
    }

    public static string ToQuery(StatisticsFilter filter)
    {
        var p = filter.Period;
        var parts = new List<string> { $"period={p.Kind}" };
        parts.Add(p.Kind == PeriodKind.Custom ? $"from={p.First:yyyy-MM-dd}&to={p.Last:yyyy-MM-dd}" : $"day={p.First:yyyy-MM-dd}");
        parts.Add($"groupBy={filter.Grouping}");
        if (filter.DepartmentId is { } d)
            parts.Add($"departmentId={d}");
        if (filter.Channel is { } c)
            parts.Add($"channel={c}");
        return string.Join('&', parts);
    }

    /// The filter in words for the export's header ("科室：心血管内科；随访方式：全部；分组：按科室").
    public static string Describe(StatisticsFilter filter, string? departmentName) =>
        $"科室：{departmentName ?? "全部（本人可见的科室）"}；随访方式：{(filter.Channel is { } c ? ChannelNames.Of(c) : "全部")}；分组：{(filter.Grouping == StatisticsGrouping.Staff ? "按医生" : "按科室")}";

    private static DateOnly? Date(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        errors[name] = [$"日期“{value}”看不懂，请写成 2026-11-30 这样的格式。"];
        return null;
    }
}
