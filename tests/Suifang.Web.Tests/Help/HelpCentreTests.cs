using System.Net;
using System.Text.RegularExpressions;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Testing;
using Suifang.Web.Help;

namespace Suifang.Web.Tests.Help;

public sealed partial class HelpCentreTests
{
    private static readonly HelpCentre Help = new();

    [Theory]
    [InlineData("锁定", "常见问题 FAQ")]
    [InlineData("一次性密码", "账号与角色管理")]
    [InlineData("哈希", "审计日志与防篡改校验")]
    [InlineData("模板", "用 Excel 批量导入患者")]
    [InlineData("科室 别名", "科室管理")]
    public void A_Chinese_keyword_finds_the_article_that_explains_it(string query, string title) =>
        Assert.Contains(Help.Search(query), a => a.Title == title);

    [Fact]
    public void Every_article_has_a_title_a_category_and_a_body()
    {
        Assert.True(Help.All.Count >= 10);
        Assert.All(Help.All, a =>
        {
            Assert.NotEqual(a.Slug, a.Title);
            Assert.NotEqual("其他", a.Category);
            Assert.True(HelpMarkdown.Body(a).Length > 200, a.Slug);
        });
        Assert.Equal(Help.All.Count, Help.All.Select(a => a.Slug).Distinct().Count());
    }

    [Fact]
    public void Links_between_articles_lead_to_existing_articles()
    {
        var links = Help.All.SelectMany(a => HelpLink().Matches(a.Markdown).Select(m => (From: a.Slug, To: m.Groups[1].Value))).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(Help.Find(l.To) is not null, $"{l.From} → {l.To}"));
    }

    [Theory]
    [InlineData("accounts")]
    [InlineData("departments")]
    [InlineData("audit")]
    [InlineData("login")]
    public void Pages_link_to_articles_that_exist(string slug) => Assert.NotNull(Help.Find(slug));

    [Fact]
    public void The_faq_answers_at_least_ten_questions()
    {
        var faq = Help.Find("faq");
        Assert.NotNull(faq);
        Assert.True(faq.Markdown.Split('\n').Count(l => l.StartsWith("### ", StringComparison.Ordinal)) >= 10);
        Assert.Contains("忘记密码", faq.Markdown);
    }

    [Fact]
    public async Task Any_signed_in_user_reads_help_articles_and_searches_them()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "nurse.help", Roles.Nurse, "XNK");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, "nurse.help", StaffAccounts.Password);

        var article = await client.GetAsync("/help/faq");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Contains("<h3", await article.Content.ReadAsStringAsync());
        var search = await client.GetStringAsync("/help?q=" + Uri.EscapeDataString("锁定"));
        Assert.Contains("登录与首次修改密码", search);
    }

    [GeneratedRegex(@"\]\(/help/([a-z0-9-]+)\)")]
    private static partial Regex HelpLink();
}
