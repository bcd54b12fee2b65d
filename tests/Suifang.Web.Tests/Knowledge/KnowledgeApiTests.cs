using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Agent.Knowledge;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Core.Knowledge;
using Suifang.Testing;
using Suifang.Web.Tests.Admin;

namespace Suifang.Web.Tests.Knowledge;

/// 7.3.2.2: what a nurse writes into the knowledge base is what the agent answers from, at once; what it lacks, it does not answer.
public sealed class KnowledgeApiTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task An_entry_a_nurse_adds_is_answered_by_the_agents_search_at_once_and_is_scoped_to_her_department(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var xnk = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "SJNK", "神经内科");
        await StaffAccounts.CreateAsync(app.Services, "nurse.k", Roles.Nurse, "XNK");
        await StaffAccounts.CreateAsync(app.Services, "nurse.n", Roles.Nurse, "SJNK");
        var nurse = await AdminClients.SignedInAsync(app, "nurse.k", StaffAccounts.Password);
        var other = await AdminClients.SignedInAsync(app, "nurse.n", StaffAccounts.Password);

        var incomplete = await nurse.PostAsJsonAsync("/api/knowledge", new KnowledgeInput(xnk.Id, "桡动脉止血器什么时候拆", null, "", "", null));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("请填写回答", await incomplete.Content.ReadAsStringAsync());

        var created = await nurse.PostAsJsonAsync("/api/knowledge", new KnowledgeInput(xnk.Id, "桡动脉止血器什么时候拆",
            "手腕上的加压器多久能松开\n手上绑的那个带子什么时候拆", "一般术后 6 小时左右由护士逐步放松，回家后手腕不要用力提重物。", "心内科 李护士长", new DateOnly(2027, 6, 1)));
        created.EnsureSuccessStatusCode();

        var search = app.Services.GetRequiredService<IKnowledgeSearch>();
        Assert.Equal("桡动脉止血器什么时候拆", search.Find("手腕上那个带子什么时候能拆掉", "心内科")?.Question);
        Assert.Null(search.Find("手腕上那个带子什么时候能拆掉", "神经内科"));

        var asked = await nurse.GetFromJsonAsync<JsonElement>("/api/knowledge/ask?q=" + Uri.EscapeDataString("今天天气怎么样") + "&department=XNK");
        Assert.False(asked.GetProperty("answered").GetBoolean());

        Assert.Contains((await nurse.GetFromJsonAsync<List<KnowledgeView>>("/api/knowledge"))!, v => v.Question == "桡动脉止血器什么时候拆");
        Assert.DoesNotContain((await other.GetFromJsonAsync<List<KnowledgeView>>("/api/knowledge"))!, v => v.Question == "桡动脉止血器什么时候拆");
        var id = (await nurse.GetFromJsonAsync<List<KnowledgeView>>("/api/knowledge"))!.Single(v => v.Question == "桡动脉止血器什么时候拆").Id;
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/knowledge/{id}/retire", new { retired = true })).StatusCode);

        (await nurse.PostAsJsonAsync($"/api/knowledge/{id}/retire", new { retired = true })).EnsureSuccessStatusCode();
        Assert.Null(search.Find("手腕上那个带子什么时候能拆掉", "心内科"));
    }
}
