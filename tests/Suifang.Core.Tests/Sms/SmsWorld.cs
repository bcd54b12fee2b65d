using Suifang.Core.Contact;
using Suifang.Core.Data;
using Suifang.Core.Sms;
using Suifang.Core.Tests.Contact;
using Suifang.Testing;

namespace Suifang.Core.Tests.Sms;

/// A provider double: answers each hand-over from a script (default: accepted), and gives the receipts it is told.
internal sealed class ScriptedSmsProvider : ISmsProvider
{
    public Queue<SmsProviderResult> Answers { get; } = new();
    public List<SmsProviderRequest> Requests { get; } = [];
    public Dictionary<string, SmsReceipt> Receipts { get; } = [];

    /// Like Tencent's pull: every receipt known, not only those of the messages asked about.
    public bool PullsAll { get; set; }

    public string Name => "测试";

    public Task<SmsProviderResult> SendAsync(SmsProviderRequest request, CancellationToken ct)
    {
        Requests.Add(request);
        return Task.FromResult(Answers.Count > 0 ? Answers.Dequeue() : SmsProviderResult.Accepted($"p-{request.MessageId}"));
    }

    public Task<IReadOnlyList<SmsReceipt>> PollReceiptsAsync(IReadOnlyList<SmsSentMessage> sent, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SmsReceipt>>(PullsAll ? Receipts.Values.ToList()
            : sent.Where(s => Receipts.ContainsKey(s.ProviderMessageId)).Select(s => Receipts[s.ProviderMessageId]).ToList());
}

/// A test hospital with the outbox over a scripted provider and a clock the test moves.
internal sealed class SmsWorld : IAsyncDisposable
{
    private SmsWorld(ContactWorld contact, SmsOptions options)
    {
        Contact = contact;
        Options = options;
        var policies = new ContactPolicies();
        Dispatch = new SmsDispatch(Provider, H.Protector, policies, options);
        Outbox = new SmsOutbox(H.Database.NewContext, Dispatch, policies, options, RateLimit, () => Now);
        Sender = new SmsSender(H.Database.NewContext, Dispatch, Provider, H.Protector, RateLimit, options, () => Now,
            new Suifang.Integrations.Sms.AgentSmsReplyReader(Suifang.Agent.Understanding.Chinese.ChineseUnderstander.Shared));
    }

    public ContactWorld Contact { get; }
    public TestHospital H => Contact.H;
    public SmsOptions Options { get; }
    public ScriptedSmsProvider Provider { get; } = new();
    public SmsRateLimit RateLimit { get; } = new(1000);
    public SmsDispatch Dispatch { get; }
    public SmsOutbox Outbox { get; }
    public SmsSender Sender { get; }
    public DateTime Now { get; set; } = ContactWorld.Monday.At("10:00");

    public static async Task<SmsWorld> CreateAsync(DatabaseProvider provider, SmsOptions? options = null) =>
        new(await ContactWorld.CreateAsync(provider), options ?? new SmsOptions());

    public Task<SmsSendResult> SendAsync(long patientId, string key, SmsPurpose purpose = SmsPurpose.FollowUp, string text = "【测试医院】王先生您好，请按时服药。") =>
        Outbox.SendAsync(new SmsSend(H.Hospital.Id, patientId, text, purpose, key), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        RateLimit.Dispose();
        await Contact.DisposeAsync();
    }
}
