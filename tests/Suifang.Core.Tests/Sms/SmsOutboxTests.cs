using Microsoft.EntityFrameworkCore;
using Suifang.Core.Contact;
using Suifang.Core.Pathways;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Tasks;
using Suifang.Core.Tests.Contact;
using Suifang.Testing;

namespace Suifang.Core.Tests.Sms;

/// The outbox (5.1.4 SMS, 5.2.2 contact rules, 8.3.2): idempotent, quiet hours, caps, opt-out, provider outcomes.
public sealed class SmsOutboxTests
{
    private static readonly DateTime Monday = ContactWorld.Monday;

    [Theory, ClassData(typeof(Providers))]
    public async Task Sending_twice_with_one_effect_key_stores_and_hands_over_one_message_with_its_history(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var patient = await w.Contact.PatientAsync("王建国", "13812341234");

        var first = await w.SendAsync(patient.Id, "task:1");
        var again = await w.SendAsync(patient.Id, "task:1");

        Assert.Equal(SmsSendStatus.Sent, first.Status);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(SmsSendStatus.Sent, again.Status);
        var request = Assert.Single(w.Provider.Requests);
        Assert.Equal("13812341234", request.Phone);
        await using var db = w.H.Database.NewContext();
        var stored = await db.SmsMessages.Include(m => m.History).SingleAsync();
        Assert.Equal("138****1234", stored.PhoneMasked);
        Assert.DoesNotContain("13812341234", stored.PhoneCipher);
        Assert.Equal(w.H.Cardiology.Id, stored.DepartmentId);
        Assert.Equal([SmsSendStatus.Queued, SmsSendStatus.Sent], stored.History.OrderBy(h => h.Id).Select(h => h.Status));
        Assert.Equal(1, stored.Attempts);
    }

    /// Whoever reads the outbox must not be able to open the patient's questionnaire: the body is encrypted at rest like the
    /// number, the text staff see has the link's token masked, and the provider still receives the full text.
    [Theory, ClassData(typeof(Providers))]
    public async Task A_link_message_is_stored_encrypted_shown_with_the_token_masked_and_handed_to_the_provider_in_full(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var patient = await w.Contact.PatientAsync("王建国", "13812341234");
        const string token = "abcdefghjkmnpqrstuvwxyz23456789ab";
        var text = $"【测试医院】王先生您好，请填写术后问卷 https://sf.example.cn/q/{token} 谢谢。";

        var sent = await w.Outbox.SendAsync(new SmsSend(w.H.Hospital.Id, patient.Id, text, SmsPurpose.QuestionnaireLink, "task:9",
            Parameters: new Dictionary<string, string> { ["link"] = $"https://sf.example.cn/q/{token}" }), CancellationToken.None);

        Assert.Equal(SmsSendStatus.Sent, sent.Status);
        var request = Assert.Single(w.Provider.Requests);
        Assert.Equal(text, request.Text);
        Assert.Contains(request.Parameters, p => p.Value.EndsWith(token, StringComparison.Ordinal));
        await using var db = w.H.Database.NewContext();
        var stored = await db.SmsMessages.SingleAsync();
        Assert.Equal("【测试医院】王先生您好，请填写术后问卷 https://sf.example.cn/q/abcd**** 谢谢。", stored.Text);
        Assert.DoesNotContain(token, stored.TextCipher);
        Assert.DoesNotContain(token, stored.ParametersCipher);
        Assert.Equal(text, SmsBodies.Text(stored, w.H.Protector));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_message_in_the_SMS_quiet_hours_waits_until_they_end_and_the_sender_sends_it_then(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var patient = await w.Contact.PatientAsync("李秀英");
        w.Now = Monday.At("22:30");   // default SMS quiet hours 21:00–08:00

        var result = await w.SendAsync(patient.Id, "k");

        Assert.Equal(SmsSendStatus.Queued, result.Status);
        Assert.Equal(Monday.AddDays(1).At("08:00"), result.RetryAt);
        Assert.Contains("免打扰", result.Detail);
        w.Now = Monday.AddDays(1).At("07:59");
        Assert.Equal(0, await w.Sender.SendDueAsync(CancellationToken.None));
        w.Now = Monday.AddDays(1).At("08:00");
        Assert.Equal(1, await w.Sender.SendDueAsync(CancellationToken.None));
        Assert.Single(w.Provider.Requests);
        Assert.Equal(SmsSendStatus.Sent, (await w.SendAsync(patient.Id, "k")).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_frequency_cap_blocks_the_third_reminder_of_a_day_but_never_a_notice(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var patient = await w.Contact.PatientAsync("张伟");

        Assert.Equal(SmsSendStatus.Sent, (await w.SendAsync(patient.Id, "r1", SmsPurpose.Reminder)).Status);
        Assert.Equal(SmsSendStatus.Sent, (await w.SendAsync(patient.Id, "r2", SmsPurpose.Reminder)).Status);
        var third = await w.SendAsync(patient.Id, "r3", SmsPurpose.Reminder);
        Assert.Equal(SmsSendStatus.Blocked, third.Status);
        Assert.Contains("频次上限", third.Detail);
        for (var i = 0; i < 4; i++)
            Assert.Equal(SmsSendStatus.Sent, (await w.SendAsync(patient.Id, $"n{i}", SmsPurpose.Notice)).Status);
        w.Now = Monday.AddDays(1).At("10:00");
        Assert.Equal(SmsSendStatus.Sent, (await w.SendAsync(patient.Id, "r4", SmsPurpose.Reminder)).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_patient_without_a_mobile_number_is_not_sent_to_and_told_why(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var landline = await w.Contact.PatientAsync("赵固话", "057187654321");

        var result = await w.SendAsync(landline.Id, "k");

        Assert.Equal(SmsSendStatus.Blocked, result.Status);
        Assert.Contains("手机号", result.Detail);
        Assert.Empty(w.Provider.Requests);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_patient_marked_deceased_or_at_a_number_marked_wrong_gets_no_message_until_the_number_is_corrected(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var deceased = await w.Contact.PatientAsync("钱已故", "13811112222");
        var wrong = await w.Contact.PatientAsync("孙错号", "13833334444");
        await using (var db = w.H.Database.NewContext())
        {
            var wrongIndex = await db.Patients.Where(p => p.Id == wrong.Id).Select(p => p.PhoneIndex).SingleAsync();
            db.PatientCallFlags.Add(new Suifang.Core.Calls.PatientCallFlag { HospitalId = w.H.Hospital.Id, PatientId = deceased.Id, Kind = Suifang.Core.Calls.CallFlagKind.Deceased, Reason = "家属告知", At = Monday });
            db.PatientCallFlags.Add(new Suifang.Core.Calls.PatientCallFlag { HospitalId = w.H.Hospital.Id, PatientId = wrong.Id, Kind = Suifang.Core.Calls.CallFlagKind.WrongNumber, PhoneIndex = wrongIndex, Reason = "接听人说打错了", At = Monday });
            await db.SaveChangesAsync();
        }

        var toDeceased = await w.SendAsync(deceased.Id, "d");
        var toWrong = await w.SendAsync(wrong.Id, "w");

        Assert.Equal(SmsSendStatus.Blocked, toDeceased.Status);
        Assert.Contains("去世", toDeceased.Detail);
        Assert.Equal(SmsSendStatus.Blocked, toWrong.Status);
        Assert.Contains("错误号码", toWrong.Detail);
        Assert.Empty(w.Provider.Requests);

        await using (var db = w.H.Database.NewContext())
        {
            // The nurse corrects the number: the mark was for the old number only.
            await db.Patients.Where(p => p.Id == wrong.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PhoneIndex, "corrected-number-index"));
        }
        Assert.Equal(SmsSendStatus.Sent, (await w.SendAsync(wrong.Id, "w2")).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Throttling_queues_with_growing_waits_and_gives_up_after_the_last_attempt(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider, new SmsOptions { MaxAttempts = 3, RetrySeconds = 60 });
        var patient = await w.Contact.PatientAsync("孙丽");
        for (var i = 0; i < 3; i++)
            w.Provider.Answers.Enqueue(new SmsProviderResult(SmsProviderOutcome.Throttled, "阿里云流控：稍后重试"));

        var first = await w.SendAsync(patient.Id, "k");
        Assert.Equal(SmsSendStatus.Queued, first.Status);
        Assert.Equal(w.Now.AddSeconds(60), first.RetryAt);
        w.Now = first.RetryAt!.Value;
        await w.Sender.SendDueAsync(CancellationToken.None);
        var second = await w.SendAsync(patient.Id, "k");
        Assert.Equal(w.Now.AddSeconds(120), second.RetryAt);
        w.Now = second.RetryAt!.Value;
        await w.Sender.SendDueAsync(CancellationToken.None);

        var last = await w.SendAsync(patient.Id, "k");
        Assert.Equal(SmsSendStatus.Failed, last.Status);
        Assert.Contains("尝试 3 次", last.Detail);
        Assert.Equal(3, w.Provider.Requests.Count);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_rejected_template_fails_at_once_with_the_providers_reason(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var patient = await w.Contact.PatientAsync("周敏");
        w.Provider.Answers.Enqueue(new SmsProviderResult(SmsProviderOutcome.Rejected, "阿里云拒绝了短信模板（isv.SMS_TEMPLATE_ILLEGAL）"));

        var result = await w.SendAsync(patient.Id, "k");

        Assert.Equal(SmsSendStatus.Failed, result.Status);
        Assert.Contains("模板", result.Detail);
        Assert.Equal(0, await w.Sender.SendDueAsync(CancellationToken.None));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Receipts_mark_messages_delivered_or_failed_with_the_carriers_reason(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var a = await w.Contact.PatientAsync("吴刚", "13800000001");
        var b = await w.Contact.PatientAsync("郑洁", "13800000002");
        var sentA = await w.SendAsync(a.Id, "a");
        var sentB = await w.SendAsync(b.Id, "b");
        w.Provider.Receipts[$"p-{sentA.MessageId}"] = new($"p-{sentA.MessageId}", true, "已送达");
        w.Provider.Receipts[$"p-{sentB.MessageId}"] = new($"p-{sentB.MessageId}", false, "空号");

        Assert.Equal(2, await w.Sender.PollReceiptsAsync(CancellationToken.None));

        Assert.Equal(SmsSendStatus.Delivered, (await w.SendAsync(a.Id, "a")).Status);
        var failed = await w.SendAsync(b.Id, "b");
        Assert.Equal(SmsSendStatus.Failed, failed.Status);
        Assert.Contains("空号", failed.Detail);
        Assert.Equal(0, await w.Sender.PollReceiptsAsync(CancellationToken.None));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_pulled_receipt_settles_a_message_the_sender_did_not_ask_about(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider, new SmsOptions { ReceiptTimeoutHours = 1 });
        var old = await w.Contact.PatientAsync("何平", "13800000003");
        var recent = await w.Contact.PatientAsync("罗兰", "13800000004");
        var oldSent = await w.SendAsync(old.Id, "old");
        w.Now = w.Now.AddHours(2);
        var recentSent = await w.SendAsync(recent.Id, "recent");
        w.Provider.PullsAll = true;
        w.Provider.Receipts[$"p-{oldSent.MessageId}"] = new($"p-{oldSent.MessageId}", true, "已送达");
        w.Provider.Receipts[$"p-{recentSent.MessageId}"] = new($"p-{recentSent.MessageId}", true, "已送达");

        Assert.Equal(2, await w.Sender.PollReceiptsAsync(CancellationToken.None));

        Assert.Equal(SmsSendStatus.Delivered, (await w.SendAsync(old.Id, "old")).Status);
        Assert.Equal(SmsSendStatus.Delivered, (await w.SendAsync(recent.Id, "recent")).Status);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Replying_TD_opts_the_number_out_of_SMS_everywhere_but_calls_still_go(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var mother = await w.Contact.PatientAsync("陈母", "13900001111");
        var son = await w.Contact.PatientAsync("陈子", "13900001111");
        var smsTask = await w.Contact.TaskAsync(son, ChannelKind.Sms, TaskState.Pending);
        var leasedSms = await w.Contact.TaskAsync(mother, ChannelKind.Sms, TaskState.Leased);
        var call = await w.Contact.TaskAsync(mother, ChannelKind.AiCall, TaskState.Leased);
        w.Now = Monday.At("22:00");
        var queued = await w.SendAsync(mother.Id, "queued");
        Assert.Equal(SmsSendStatus.Queued, queued.Status);

        await using (var db = w.H.Database.NewContext())
        {
            var outcome = await SmsReplies.ReceiveAsync(db, w.H.Protector, w.H.Hospital.Id, "+86 139 0000 1111", " TD ", w.Now, CancellationToken.None);
            Assert.True(outcome.OptedOut);
            Assert.Equal(2, outcome.Patients);
        }

        Assert.Equal(SmsSendStatus.Blocked, (await w.SendAsync(mother.Id, "queued")).Status);
        var later = await w.SendAsync(son.Id, "later", SmsPurpose.Education);
        Assert.Equal(SmsSendStatus.Blocked, later.Status);
        Assert.Contains("退订", later.Detail);
        Assert.IsType<ContactDecision.Refuse>(await w.Contact.CheckAsync(leasedSms, Monday.AddDays(1).At("10:00")));
        Assert.IsType<ContactDecision.Allowed>(await w.Contact.CheckAsync(call, Monday.AddDays(1).At("10:00")));
        await using (var db = w.H.Database.NewContext())
        {
            Assert.Equal(TaskState.Cancelled, (await db.Tasks.SingleAsync(t => t.Id == smsTask.Id)).State);
            var entry = await db.DoNotContacts.SingleAsync();
            Assert.Equal(DoNotContactScope.Sms, entry.Scope);
            Assert.Equal("139****1111", entry.PhoneMasked);
            Assert.Contains(db.AuditLog, a => a.EntityType == "DoNotContact" && a.Summary.Contains("短信退订"));
        }
        Assert.Empty(w.Provider.Requests);
    }

    [Theory]
    [InlineData("TD", true)]
    [InlineData("退订", true)]
    [InlineData("td。", true)]
    [InlineData("好的，谢谢", false)]
    [InlineData("TD一下是什么意思", false)]
    public void Only_an_opt_out_word_counts_as_opt_out(string reply, bool optOut) =>
        Assert.Equal(optOut, SmsReplies.IsOptOut(reply));
}
