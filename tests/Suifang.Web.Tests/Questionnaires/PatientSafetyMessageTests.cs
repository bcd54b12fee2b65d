using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suifang.Core.Data;
using Suifang.Testing;
using static Suifang.Web.Tests.Questionnaires.PatientQuestionnairePageTests;

namespace Suifang.Web.Tests.Questionnaires;

/// 5.x, 8.1.1, 8.3.2: a patient whose answer the questionnaire marks critical (PHQ-9 item 9: thoughts of self-harm) is
/// told on the thank-you page, plainly and calmly, that the nurse is told and where to call now (120, the local
/// psychological help line); other patients see the plain thank-you. Decided in stage 1, from the answers in memory.
public sealed class PatientSafetyMessageTests
{
    private const string Told = "我们已提醒医院的随访护士";
    private const string CallNow = "拨打 120 急救电话";

    private static FormUrlEncodedContent Phq9(string each, string item9) =>
        new(Enumerable.Range(1, 9).Select(i => new KeyValuePair<string, string>($"a.phq9_{i}", i == 9 ? item9 : each)));

    private static async Task<JsonElement> FetchAsync(HttpClient client, string token, HttpContent form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/q/{token}") { Content = form };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_submit_answer_says_critical_after_a_critical_answer_and_nothing_after_a_plain_one(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var (critical, _) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var (plain, _) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var client = Anonymous(app);

        var told = await FetchAsync(client, critical, Phq9("0", item9: "1"));
        var quiet = await FetchAsync(client, plain, Phq9("2", item9: "0"));   // a higher total, but no critical answer

        Assert.Equal("done", told.GetProperty("state").GetString());
        Assert.True(told.GetProperty("critical").GetBoolean());
        Assert.Equal("done", quiet.GetProperty("state").GetString());
        Assert.False(quiet.TryGetProperty("critical", out _));
        // The page the script shows in place of the form carries the safety message in its own template.
        var (open, _) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var form = await client.GetStringAsync($"/q/{open}");
        Assert.Contains("id=\"qn-done-safety\"", form);
        Assert.Contains(Told, form);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_thank_you_page_of_the_plain_form_post_shows_the_safety_message_only_after_a_critical_answer(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider, new Dictionary<string, string?> { ["Tasks:DispatcherEnabled"] = "false" });
        var (critical, _) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var (plain, _) = await LinkAsync(app, "phq-9", TimeSpan.FromDays(7));
        var client = Anonymous(app);

        var told = await (await client.PostAsync($"/q/{critical}", Phq9("0", item9: "2"))).Content.ReadAsStringAsync();
        var quiet = await (await client.PostAsync($"/q/{plain}", Phq9("1", item9: "0"))).Content.ReadAsStringAsync();

        Assert.Contains("提交成功", told);
        Assert.Contains("data-testid=\"q-safety\"", told);
        Assert.Contains(Told, told);
        Assert.Contains(CallNow, told);
        Assert.Contains("当地心理援助热线", told);
        Assert.Contains("提交成功", quiet);
        Assert.DoesNotContain("q-safety", quiet);
        // The notice names the hospital (not the words of the page's code).
        await using var scope = app.Services.CreateAsyncScope();
        var hospital = await scope.ServiceProvider.GetRequiredService<SuifangDbContext>().Hospitals.Select(h => h.Name).FirstAsync();
        Assert.All(new[] { told, quiet }, page => Assert.Contains($"<p class=\"from\">{hospital}</p>", page));
        Assert.DoesNotContain("Model.Hospital", told);
    }
}
