using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Suifang.Core.Data;
using Suifang.Integrations.Calls.Recordings;
using Suifang.Core.Accounts;
using Suifang.Integrations.Telephony.Simulated;
using Suifang.Testing;
using Suifang.Testing.Calls;

namespace Suifang.EndToEnd.Tests;

/// A nurse opens the call list, a call's transcript (bubbles with what was understood), its results and to-dos, and the
/// patient's 随访结果 on the archive.
public sealed class CallBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_nurse_reads_a_feverish_patients_call_with_its_abnormal_todo_and_finds_the_answers_in_the_archive()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.calls", Roles.Nurse, "XNK");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("郑秋菊").WithPhone("13966668888").DischargedOn(DateTime.Today.AddDays(-3), cardiology.Id));
        var callId = await HostCalls.CallAsync(app.Services, patient.Id, patient.HospitalId, patient.CampusId, cardiology.Id, Persona.Feverish, DateTime.Now);

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.calls", StaffAccounts.Password);
        await page.GotoAsync("/calls");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("call-number").First).ToHaveTextAsync("139****8888");
        await page.GetByTestId("call-open").First.ClickAsync();
        await page.WaitForURLAsync($"**/calls/{callId}");
        await Assertions.Expect(page.GetByTestId("turn-patient").Filter(new() { HasText = "三十八度六" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("turn-understood").First).ToContainTextAsync("识别为");
        await Assertions.Expect(page.GetByTestId("call-todo").Filter(new() { HasText = "体温≥38.5℃" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("no-recording")).ToContainTextAsync("由对话记录合成");

        await page.GotoAsync($"/patients/{patient.Id}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("patient-results")).ToContainTextAsync("38.6");
    }

    [Fact]
    public async Task A_simulated_calls_recording_is_rendered_in_the_background_and_plays_on_the_call_page()
    {
        var app = browser.App;
        var cardiology = await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科");
        await StaffAccounts.CreateAsync(app.Services, "hs.audio", Roles.Nurse, "XNK");
        var patient = await HostPatients.AddAsync(app.Services, p => p.Named("冯志强").WithPhone("13966667777").DischargedOn(DateTime.Today.AddDays(-3), cardiology.Id));
        var callId = await HostCalls.CallAsync(app.Services, patient.Id, patient.HospitalId, patient.CampusId, cardiology.Id, Persona.Cooperative, DateTime.Now);
        // The host's background queue renders it (HostCalls' own channel does not enqueue, the host's AI channel does).
        Assert.True(app.Services.GetRequiredService<SimulatedRecordings>().Enqueue(callId));
        await WaitForRecordingAsync(app, callId);

        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, "hs.audio", StaffAccounts.Password);
        await page.GotoAsync($"/calls/{callId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        var audio = page.GetByTestId("call-audio");
        await Assertions.Expect(audio).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("simulated-recording-note")).ToContainTextAsync("合成");
        // Chromium loads and decodes the WAV: a positive duration, no media error.
        var seconds = await audio.EvaluateAsync<double>(@"el => new Promise(done => {
            el.addEventListener('loadedmetadata', () => done(el.duration), { once: true });
            el.addEventListener('error', () => done(-1), { once: true });
            el.preload = 'auto'; el.load(); })");
        Assert.True(seconds > 5, $"the recording plays for {seconds} s");
        var response = await page.APIRequest.GetAsync($"/api/calls/{callId}/recording");
        Assert.Equal(200, response.Status);
        Assert.Equal("audio/wav", response.Headers["content-type"]);
        var body = await response.BodyAsync();
        Assert.True(body.Length > 44 + 8000 * 2, "more than a second of audio");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(body, 0, 4));
    }

    private static async Task WaitForRecordingAsync(SuifangWebFactory app, long callId)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SuifangDbContext>>();
        for (var i = 0; i < 900; i++)
        {
            await using (var db = await factory.CreateDbContextAsync())
                if (await db.Calls.Where(c => c.Id == callId).Select(c => c.RecordingPath).SingleAsync() is not null)
                    return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"call {callId} got no recording within 90 s; see the host's warnings");
    }
}
