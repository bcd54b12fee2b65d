using Suifang.Core.Pathways;

namespace Suifang.Core.Tests.Pathways;

public sealed class IcdRangeTests
{
    [Theory]
    [InlineData("I21.9", true)]
    [InlineData("I25.103", true)]
    [InlineData("I20", true)]
    [InlineData("i22.0", true)]
    [InlineData("I26", false)]
    [InlineData("I26.9", false)]
    [InlineData("I19.9", false)]
    [InlineData("", false)]
    public void A_category_range_contains_the_codes_of_its_categories_and_no_others(string code, bool contained) =>
        Assert.Equal(contained, IcdRange.Parse("I20-I25").Contains(code));

    [Fact]
    public void A_single_code_matches_itself_and_its_subdivisions_only()
    {
        var z = IcdRange.Parse("Z95.5");
        Assert.True(z.Contains("Z95.5"));
        Assert.True(z.Contains("Z95.501"));
        Assert.False(z.Contains("Z95.4"));
        Assert.False(z.Contains("Z95"));
    }

    [Fact]
    public void A_list_separated_by_semicolons_or_chinese_commas_parses_every_item()
    {
        Assert.True(IcdRange.TryParseList("I20-I25；Z95.5，E11", out var ranges, out var errors));
        Assert.Empty(errors);
        Assert.Equal(["I20-I25", "Z95.5", "E11"], ranges.Select(r => r.ToString()));
        Assert.True(IcdRange.AnyContains(ranges, "E11.900"));
    }

    [Theory]
    [InlineData("I2O", "不是有效的 ICD-10 编码")]
    [InlineData("心梗", "不是有效的 ICD-10 编码")]
    [InlineData("I25-I20", "起点在终点之后")]
    public void Codes_that_are_not_icd10_are_refused_with_the_reason_in_chinese(string text, string reason)
    {
        Assert.False(IcdRange.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }
}
