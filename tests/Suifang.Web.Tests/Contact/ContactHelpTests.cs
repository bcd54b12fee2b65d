using Suifang.Web.Help;

namespace Suifang.Web.Tests.Contact;

public sealed class ContactHelpTests
{
    private static readonly HelpCentre Help = new();

    [Theory]
    [InlineData("calling-hours", "节假日")]
    [InlineData("do-not-call", "按号码")]
    [InlineData("consent", "撤回")]
    public void The_contact_pages_link_to_articles_that_explain_them(string slug, string word) =>
        Assert.Contains(word, Help.Find(slug)!.Markdown);

    [Theory]
    [InlineData("不重复外呼", "呼叫时间、节假日与联系频次")]
    [InlineData("免打扰 号码", "免打扰名单")]
    [InlineData("知情同意 撤回", "随访知情同意")]
    public void A_Chinese_keyword_finds_the_contact_article(string query, string title) =>
        Assert.Contains(Help.Search(query), a => a.Title == title);
}
