using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Data;
using Suifang.Core.Questionnaires;
using Suifang.Core.Questionnaires.Links;
using Suifang.Testing;

namespace Suifang.EndToEnd.Tests;

/// Input aids of the patient's questionnaire page (8.3.3), in Chromium at 360 px: a long choice list narrows as the patient
/// types, and the browser's voice input fills a text answer where the browser has speech recognition — the button is
/// hidden where it has none.
public sealed class PatientInputAidsBrowserTests(QuestionnaireBrowserFixture browser) : IClassFixture<QuestionnaireBrowserFixture>
{
    private static readonly string[] Symptoms = ["头痛", "头晕", "胸闷", "心慌", "咳嗽", "气短", "腹痛", "腹泻", "恶心", "乏力", "失眠", "没有不适"];

    /// Speech recognition as the page uses it (start → one result → end): Chromium has the API (unprefixed too) but no
    /// speech service in a headless test, so the test replaces both names.
    private const string FakeSpeech = """
        window.SpeechRecognition = window.webkitSpeechRecognition = function () {
          var self = this;
          self.start = function () {
            setTimeout(function () {
              self.onresult({ results: [[{ transcript: '伤口有点痒' }]] });
              if (self.onend) self.onend();
            }, 10);
          };
        };
        """;

    private const string NoSpeech = "delete window.SpeechRecognition; delete window.webkitSpeechRecognition;";

    private static int _patients;

    private async Task<string> LinkAsync()
    {
        var n = Interlocked.Increment(ref _patients);
        var app = browser.App;
        var department = await StaffAccounts.EnsureDepartmentAsync(app.Services, "PFK", "皮肤科");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("赵桂兰" + n).WithPhone($"139111122{n:00}")
            .DischargedOn(DateTime.Today.AddDays(-2).AddHours(9), department.Id));
        var content = new QuestionnaireContent
        {
            Questions =
            [
                new() { Key = "main_symptom", Text = "您现在主要有哪些不适？", Type = QuestionType.MultipleChoice,
                    Options = Symptoms.Select(s => new QuestionOption { Value = s, Label = s }).ToList() },
                new() { Key = "suggestion", Text = "还有什么想告诉护士的？", Type = QuestionType.Text, Required = false },
            ],
        };
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContextAsync();
        var q = new Questionnaire
        {
            HospitalId = patient.HospitalId, DepartmentId = department.Id, Key = "input-aids-" + Guid.NewGuid().ToString("N")[..8], Title = "皮肤科随访",
            DraftJson = QuestionnaireJson.Write(content), LatestVersion = 1, CreatedAt = DateTime.Now, UpdatedAt = DateTime.Now,
        };
        var version = new QuestionnaireVersion { Version = 1, Title = q.Title, ContentJson = q.DraftJson, PublishedAt = DateTime.Now, Questionnaire = q };
        db.QuestionnaireVersions.Add(version);
        await db.SaveChangesAsync();
        var link = await QuestionnaireLinks.CreateAsync(db, new LinkRequest(patient.HospitalId, department.Id, patient.Id, version, TimeSpan.FromDays(7)),
            DateTime.Now, CancellationToken.None);
        return link.Token;
    }

    [Fact]
    public async Task A_long_choice_list_narrows_as_the_patient_types_and_voice_input_fills_the_text_answer()
    {
        var token = await LinkAsync();
        var phone = await browser.NewPageAsync(360, 740);
        await phone.AddInitScriptAsync(FakeSpeech);
        await phone.GotoAsync($"/q/{token}");

        var symptoms = phone.GetByTestId("q-main_symptom");
        var filter = symptoms.Locator("input.filter");
        await Assertions.Expect(filter).ToBeVisibleAsync();
        await filter.FillAsync("头");
        await Assertions.Expect(symptoms.Locator("label.option:visible")).ToHaveCountAsync(2);
        await Assertions.Expect(symptoms.GetByText("头晕")).ToBeVisibleAsync();
        await Assertions.Expect(symptoms.GetByText("胸闷")).ToBeHiddenAsync();
        await symptoms.GetByText("头晕").ClickAsync();
        await filter.FillAsync("");
        await Assertions.Expect(symptoms.Locator("label.option:visible")).ToHaveCountAsync(Symptoms.Length);

        var voice = phone.GetByTestId("q-suggestion").Locator("button.voice");
        await Assertions.Expect(voice).ToBeVisibleAsync();
        await voice.ClickAsync();
        await Assertions.Expect(phone.GetByTestId("q-suggestion").Locator("textarea")).ToHaveValueAsync("伤口有点痒");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page must fit a 360 px phone without sideways scrolling");
        Assert.True(await phone.GetByTestId("q-main_symptom").Locator("input[value=头晕]").IsCheckedAsync());
    }

    [Fact]
    public async Task Without_speech_recognition_in_the_browser_the_voice_button_stays_hidden_and_typing_still_works()
    {
        var token = await LinkAsync();
        var phone = await browser.NewPageAsync(360, 740);
        await phone.AddInitScriptAsync(NoSpeech);
        await phone.GotoAsync($"/q/{token}");

        var suggestion = phone.GetByTestId("q-suggestion");
        await Assertions.Expect(suggestion.Locator("textarea")).ToBeVisibleAsync();
        await Assertions.Expect(suggestion.Locator("button.voice")).ToBeHiddenAsync();
        await suggestion.Locator("textarea").FillAsync("一切都好");
        await Assertions.Expect(suggestion.Locator("textarea")).ToHaveValueAsync("一切都好");
    }

    /// The page submits with fetch (issue #5): problems are marked in place, the thank-you notice replaces the form, and
    /// the page never navigates (one small request, no second page load on a phone).
    [Fact]
    public async Task Submitting_marks_a_missing_answer_in_place_then_shows_the_thank_you_notice_without_leaving_the_page()
    {
        var token = await LinkAsync();
        var phone = await browser.NewPageAsync(360, 740);
        await phone.GotoAsync($"/q/{token}");
        var url = phone.Url;
        await phone.EvaluateAsync("window.stayed = true"); // gone if the browser loaded another page

        await phone.GetByTestId("q-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("q-problems")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("q-main_symptom")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bbad\b"));
        await Assertions.Expect(phone.GetByTestId("q-main_symptom").Locator("p.problem")).ToBeVisibleAsync();

        await phone.GetByTestId("q-main_symptom").Locator("input[value=头晕]").CheckAsync();
        await phone.GetByTestId("q-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("q-done")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#qn-form")).ToHaveCountAsync(0);
        Assert.Equal(url, phone.Url);
        Assert.True(await phone.EvaluateAsync<bool>("window.stayed === true"), "the answer must be shown in place, not by loading a page");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the notice must fit a 360 px phone");
    }

    /// Without JavaScript the plain form post still works: the server answers with the thank-you page.
    [Fact]
    public async Task Without_javascript_the_plain_form_post_answers_with_the_thank_you_page()
    {
        var token = await LinkAsync();
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.BaseUrl, Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = 360, Height = 740 },
        });
        var phone = await context.NewPageAsync();
        await phone.GotoAsync($"/q/{token}");

        await phone.GetByTestId("q-main_symptom").Locator("input[value=乏力]").CheckAsync();
        await phone.GetByTestId("q-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("q-done")).ToBeVisibleAsync();
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>().CreateDbContextAsync();
        var hash = LinkTokens.Hash(token);
        Assert.NotNull((await db.QuestionnaireLinks.SingleAsync(l => l.TokenHash == hash)).SubmittedAt);
    }
}
