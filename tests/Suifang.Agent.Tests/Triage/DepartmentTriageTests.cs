using Suifang.Agent.Understanding.Triage;

namespace Suifang.Agent.Tests.Triage;

/// Department triage from a complaint (issue #7, measured with 6.3 macro P/R/F1 over data/eval/triage.jsonl).
public sealed class DepartmentTriageTests
{
    private static string Top(string complaint) => DepartmentTriage.Shared.Rank(complaint).FirstOrDefault()?.Department ?? "";

    [Fact]
    public void Catalogue_lists_at_least_the_twelve_standard_departments()
    {
        string[] required = ["心血管内科", "呼吸内科", "消化内科", "神经内科", "内分泌科", "普通外科", "骨科", "妇产科", "儿科", "泌尿外科", "肿瘤科", "精神心理科", "皮肤科", "眼科", "耳鼻咽喉科"];
        Assert.Empty(required.Except(DepartmentTriage.Shared.Departments));
    }

    [Theory]
    [InlineData("最近老是胸口闷 爬两层楼就喘", "心血管内科")]
    [InlineData("咳嗽咳了两个礼拜了 痰是黄的", "呼吸内科")]
    [InlineData("拉肚子一天跑七八趟厕所", "消化内科")]
    [InlineData("早上起来右边手脚没劲 说话也不利索", "神经内科")]
    [InlineData("血糖高 空腹都十一了", "内分泌科")]
    [InlineData("眼睛红 还老流眼泪", "眼科")]
    [InlineData("耳朵里嗡嗡响 听不太清", "耳鼻咽喉科")]
    [InlineData("腰疼得直不起来", "骨科")]
    [InlineData("身上起了好多红疙瘩 痒得很", "皮肤科")]
    [InlineData("尿频尿急 尿的时候疼", "泌尿外科")]
    [InlineData("晚上睡不着 心情一直不好 什么都提不起兴趣", "精神心理科")]
    public void A_typical_complaint_ranks_its_department_first(string complaint, string department) =>
        Assert.Equal(department, Top(complaint));

    [Fact]
    public void A_negated_symptom_does_not_count()
    {
        Assert.Equal("心血管内科", Top("胸痛"));
        Assert.DoesNotContain(DepartmentTriage.Shared.Rank("不胸痛"), c => c.Department == "心血管内科");
        Assert.Equal("呼吸内科", Top("没有胸痛 就是咳嗽"));
        Assert.Empty(DepartmentTriage.Shared.Rank("没发烧 也不咳嗽"));
    }

    [Fact]
    public void A_child_with_an_internal_medicine_complaint_goes_to_paediatrics_but_a_fracture_stays_with_the_bone_surgeons()
    {
        Assert.Equal("呼吸内科", Top("发烧咳嗽两天了"));
        Assert.Equal("儿科", Top("孩子发烧咳嗽两天了"));
        Assert.Equal("儿科", Top("宝宝拉肚子 吃奶少"));
        Assert.Equal("骨科", Top("孩子摔了一跤 胳膊骨折了"));
    }

    [Fact]
    public void Pregnancy_takes_the_complaint_to_obstetrics()
    {
        Assert.Equal("消化内科", Top("肚子疼 有点恶心"));
        Assert.Equal("妇产科", Top("怀孕两个月了 肚子疼 有点恶心"));
    }

    [Fact]
    public void A_red_flag_outweighs_a_milder_symptom_beside_it()
    {
        // 口角歪斜 (red flag) with a sore eye: the stroke sign leads.
        Assert.Equal("神经内科", Top("眼睛有点干 今天早上嘴歪了"));
    }

    [Fact]
    public void Nothing_recognisable_gives_an_empty_ranking_and_scores_are_shares()
    {
        Assert.Empty(DepartmentTriage.Shared.Rank("你好 我想问一下"));
        Assert.Empty(DepartmentTriage.Shared.Rank(""));
        var ranked = DepartmentTriage.Shared.Rank("头疼 头晕 还有点恶心");
        Assert.Equal(1.0, ranked.Sum(c => c.Score), 2);
        Assert.Equal(ranked.OrderByDescending(c => c.Score).Select(c => c.Department), ranked.Select(c => c.Department));
    }

    [Fact]
    public void A_body_part_followed_by_a_general_symptom_is_the_specific_term()
    {
        Assert.Equal("眼科", Top("右边眼睛一跳一跳地疼"));
        Assert.Equal("骨科", Top("膝盖这两天肿了"));
        // a denied symptom of the part counts nothing
        Assert.DoesNotContain(DepartmentTriage.Shared.Said("眼睛不红"), s => s.Term == "眼红" && s.Weight > 0);
    }

    [Fact]
    public void A_catalogue_cue_that_names_no_term_is_refused_with_a_chinese_message()
    {
        const string json = """{"terms": [], "departments": [{"name": "眼科", "cues": {"不存在的词": 1}}], "modifiers": []}""";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var e = Assert.Throws<InvalidDataException>(() => TriageCatalogue.Load(stream, Suifang.Agent.Understanding.Chinese.TermLexicon.Default));
        Assert.Contains("不存在的词", e.Message);
    }
}
