using Microsoft.EntityFrameworkCore;
using Suifang.Core.Pathways;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Tasks;
using Suifang.Core.Tests.Contact;
using Suifang.Testing;

namespace Suifang.Core.Tests.Sms;

/// The SMS task channel sends a task's message through the outbox once, whatever the number of executions.
public sealed class SmsTaskChannelTests
{
    [Theory, ClassData(typeof(Providers))]
    public async Task A_task_resumed_after_a_crash_finds_its_message_instead_of_sending_again(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var patient = await w.Contact.PatientAsync("钱进");
        var task = await w.Contact.TaskAsync(patient, ChannelKind.Sms);
        var channel = new SmsTaskChannel(w.Outbox, w.H.Database.NewContext);

        var first = await channel.ExecuteAsync(new TaskExecution(task, 1, $"task:{task.Id}:attempt:1"), CancellationToken.None);
        var resumed = await channel.ExecuteAsync(new TaskExecution(task, 2, $"task:{task.Id}:attempt:2"), CancellationToken.None);

        Assert.Equal(OutcomeKind.Completed, first.Kind);
        Assert.Equal(OutcomeKind.Completed, resumed.Kind);
        var request = Assert.Single(w.Provider.Requests);
        Assert.Contains("钱进您好", request.Text);
        Assert.Contains("回复TD退订", request.Text);
        await using var db = w.H.Database.NewContext();
        Assert.Equal(task.Id, (await db.SmsMessages.SingleAsync()).TaskId);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_task_in_quiet_hours_is_postponed_past_the_time_the_sender_sends_it(DatabaseProvider provider)
    {
        await using var w = await SmsWorld.CreateAsync(provider);
        var patient = await w.Contact.PatientAsync("冯雪");
        var task = await w.Contact.TaskAsync(patient, ChannelKind.Sms);
        var channel = new SmsTaskChannel(w.Outbox, w.H.Database.NewContext);
        w.Now = ContactWorld.Monday.At("23:00");

        var outcome = await channel.ExecuteAsync(new TaskExecution(task, 1, "e1"), CancellationToken.None);

        Assert.Equal(OutcomeKind.Postponed, outcome.Kind);
        Assert.Equal(ContactWorld.Monday.AddDays(1).At("08:01"), outcome.RetryAt);
        Assert.Empty(w.Provider.Requests);
    }
}
