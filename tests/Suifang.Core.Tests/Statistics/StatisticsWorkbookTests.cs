using MiniExcelLibs;
using Suifang.Core.Pathways;
using Suifang.Core.Statistics;

namespace Suifang.Core.Tests.Statistics;

/// 5.1.7 "exported to xlsx": the file holds the page's figures under a header with the period and the filter.
public sealed class StatisticsWorkbookTests
{
    private static StatisticsReport Report()
    {
        var period = StatisticsPeriod.Around(PeriodKind.Quarter, new DateOnly(2026, 11, 18));
        var rows = new List<StatisticsRow>
        {
            new(1, "心血管内科", null, ChannelKind.AiCall, new FollowUpMeasures(3, 2, 1, 1)),
            new(1, "心血管内科", null, ChannelKind.Questionnaire, new FollowUpMeasures(0, 0, 0, 0)),
        };
        var byChannel = new Dictionary<ChannelKind, FollowUpMeasures>
        {
            [ChannelKind.AiCall] = new(3, 2, 1, 1), [ChannelKind.Questionnaire] = FollowUpMeasures.Zero,
        };
        return new StatisticsReport(new StatisticsFilter { Period = period }, rows, byChannel, new FollowUpMeasures(3, 2, 1, 1), []);
    }

    [Fact]
    public void The_workbook_has_the_period_the_filter_and_the_same_figures_in_cells()
    {
        using var file = new MemoryStream();
        StatisticsWorkbook.Write(file, Report(), "科室：全部；随访方式：全部", "监管甲", new DateTime(2026, 11, 30, 9, 5, 0));
        file.Position = 0;

        var sheets = MiniExcel.GetSheetNames(file);
        Assert.Equal(["随访统计", "指标说明"], sheets);
        var cells = MiniExcel.Query(file, useHeaderRow: false, sheetName: "随访统计").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("随访统计报表", cells[0]["A"]);
        Assert.Equal("2026年第4季度（2026-10-01 至 2026-12-31）", cells[1]["B"]);
        Assert.Equal("科室：全部；随访方式：全部", cells[2]["B"]);
        Assert.Equal("监管甲，2026-11-30 09:05（医院时间）", cells[3]["B"]);
        Assert.Equal("应随访", cells[5]["D"]);
        var ai = cells[6];
        Assert.Equal(("心血管内科", "AI 电话"), (ai["A"], ai["C"]));
        Assert.Equal([3d, 2d, 1d, 1d, 1d], new[] { "D", "E", "F", "G", "H" }.Select(c => Convert.ToDouble(ai[c])));
        Assert.Equal(66.7, Convert.ToDouble(ai["I"]));
        Assert.Equal(50.0, Convert.ToDouble(ai["J"]));
        Assert.Equal(33.3, Convert.ToDouble(ai["K"]));
        Assert.Equal(100.0, Convert.ToDouble(ai["L"]));
        Assert.Null(cells[7]["I"]);
        Assert.Equal(("合计", "全部方式", 3d), (cells[^1]["A"], cells[^1]["C"], Convert.ToDouble(cells[^1]["D"])));
    }

    [Fact]
    public void The_second_sheet_explains_each_measure_in_plain_words()
    {
        using var file = new MemoryStream();
        StatisticsWorkbook.Write(file, Report(), "全部", "监管甲", new DateTime(2026, 11, 30, 9, 5, 0));
        file.Position = 0;

        var cells = MiniExcel.Query(file, useHeaderRow: false, sheetName: "指标说明").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["指标", "随访覆盖率", "联系成功率", "随访完成率", "异常率"], cells.Select(c => (string?)c["A"]));
        Assert.Equal("已随访 ÷ 应随访", cells[1]["B"]);
    }
}
