using System.Threading.Channels;
using Suifang.Agent.Dialogue;
using Suifang.Agent.Speech;
using Suifang.Agent.Telephony;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Telephony.Sip;

/// An answered call on a baresip line. Prompts are played by switching the line's audio source to the prompt file
/// and back to silence; the patient's keys come as DTMF events, their speech from the line's recording of what it
/// receives, cut by <see cref="SpeechEndpointer"/> and recognised by the ISpeechToText.
internal sealed class SipPhoneCall : IPhoneCall
{
    private readonly SipLine line;
    private readonly string effectKey;
    private readonly Action release;
    private readonly Channel<char> digits = Channel.CreateUnbounded<char>();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task pump;
    private WavTail? received;
    private SpeechEndpointer? interruption;
    private int disposed;

    public SipPhoneCall(SipLine line, ChannelReader<BaresipEvent> events, string effectKey, Action release)
    {
        this.line = line;
        this.effectKey = effectKey;
        this.release = release;
        pump = Task.Run(() => PumpAsync(events));
    }

    public bool HungUp { get; private set; }

    public string? RecordingPath { get; private set; }

    /// Why the call ended (baresip's CALL_CLOSED reason), once it did.
    public string? CloseReason { get; private set; }

    /// When the last prompt's audio was handed to the line (Stopwatch timestamp), for latency figures.
    public long LastPromptStarted { get; private set; }

    private async Task PumpAsync(ChannelReader<BaresipEvent> events)
    {
        try
        {
            await foreach (var e in events.ReadAllAsync())
            {
                if (e.Type == "CALL_DTMF_START" && e.Param is { Length: > 0 } key)
                    digits.Writer.TryWrite(key[0]);
                else if (e.Type == "CALL_CLOSED")
                {
                    CloseReason = e.Param;
                    break;
                }
            }
        }
        finally
        {
            HungUp = true;
            line.EndCall();
            closed.TrySetResult();
        }
    }

    public async Task SayAsync(AgentTurn turn, CancellationToken ct)
    {
        if (HungUp)
            return;
        var prompt = await line.Prompts.GetAsync(turn.Say, turn.Slow, ct);
        ReadReceived(); // what the patient said before this prompt is not an interruption of it
        await SwitchSourceAsync(prompt.Path, ct);
        LastPromptStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var ends = DateTime.UtcNow + prompt.Duration;
        var speech = NewEndpointer();
        while (DateTime.UtcNow < ends && !HungUp)
        {
            // A key pressed during the prompt (the patient knows the answer) stops it; the key is kept for ListenAsync.
            if (turn.AcceptsDtmf && digits.Reader.TryPeek(out _))
                break;
            // So does speech of at least BargeInMilliseconds (short fillers like "嗯" do not count); the utterance
            // heard so far is handed to the next ListenAsync.
            if (line.Options.BargeInMilliseconds > 0)
            {
                speech.Push(ReadReceived());
                if (speech.InSpeech && speech.SpeechMilliseconds >= line.Options.BargeInMilliseconds)
                {
                    interruption = speech;
                    break;
                }
            }
            await Task.WhenAny(Task.Delay(20, ct), closed.Task);
            ct.ThrowIfCancellationRequested();
        }
        if (!HungUp)
            await SwitchSourceAsync(line.Prompts.SilencePath, ct);
    }

    private SpeechEndpointer NewEndpointer() => new(TimeSpan.FromMilliseconds(line.Options.EndOfSpeechMilliseconds),
        TimeSpan.FromSeconds(line.Options.MaxUtteranceSeconds));

    private async Task SwitchSourceAsync(string wav, CancellationToken ct)
    {
        try
        {
            await line.Control.SendAsync("ausrc", $"aufile,{wav}", ct);
        }
        catch (Exception e) when (HungUp && e is BaresipException or TimeoutException)
        {
        }
    }

    public async Task<PatientInput> ListenAsync(TimeSpan timeout, CancellationToken ct)
    {
        var endpointer = interruption;
        interruption = null;
        if (endpointer is null)
        {
            endpointer = NewEndpointer();
            var earlier = ReadReceived();
            endpointer.Push(earlier.AsSpan(Math.Max(0, earlier.Length - SpeechEndpointer.FrameSamples * 15)));
        }
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TakeDigits() is { } pressed)
                return PatientInput.Pressed(await MoreDigitsAsync(pressed, ct));
            if (HungUp)
                return PatientInput.Silence;
            if (endpointer.Push(ReadReceived()) is { } utterance)
            {
                var text = await RecognizeAsync(utterance, ct);
                if (!string.IsNullOrWhiteSpace(text))
                    return PatientInput.Said(text);
            }
            else if (!endpointer.InSpeech && DateTime.UtcNow >= deadline)
            {
                return PatientInput.Silence;
            }
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
            tick.CancelAfter(10);
            try
            {
                await digits.Reader.WaitToReadAsync(tick.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }
        }
    }

    /// Waits for the rest of a multi-key answer: further keys within the configured gap, up to "#".
    private async Task<string> MoreDigitsAsync(string keys, CancellationToken ct)
    {
        var gap = TimeSpan.FromMilliseconds(line.Options.DtmfDigitGapMilliseconds);
        while (gap > TimeSpan.Zero && !keys.EndsWith('#') && !HungUp)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(gap);
            try
            {
                await digits.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                break;
            }
            keys += TakeDigits();
        }
        return keys.TrimEnd('#').Length > 0 ? keys.TrimEnd('#') : keys;
    }

    private string? TakeDigits()
    {
        var keys = new List<char>();
        while (digits.Reader.TryRead(out var key))
            keys.Add(key);
        return keys.Count == 0 ? null : new string([.. keys]);
    }

    private short[] ReadReceived()
    {
        if (received is null && CallRecording.FindReceived(line.DumpFolder) is { } path)
            received = new WavTail(path);
        return received?.ReadNew() ?? [];
    }

    private async Task<string> RecognizeAsync(short[] utterance, CancellationToken ct)
    {
        var audio = new SpeechAudio(Wav.Write(utterance), Wav.LineRate, TimeSpan.FromSeconds(utterance.Length / (double)Wav.LineRate));
        var transcription = await line.Recognizer.TranscribeAsync(audio, ct);
        return transcription.Text;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        try
        {
            if (!HungUp)
            {
                await line.HangupQuietlyAsync();
                await closed.Task.WaitAsync(TimeSpan.FromSeconds(3)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            received?.Dispose();
            // baresip's ausrc also changes the default source of later calls: leave the line on silence.
            await SwitchSourceAsync(line.Prompts.SilencePath, CancellationToken.None);
            // sndfile closes its files when the call's audio stops; give it a moment after CALL_CLOSED.
            await Task.Delay(50);
            RecordingPath = CallRecording.Keep(line.DumpFolder, line.Options.RecordingsFolder, effectKey);
        }
        finally
        {
            line.EndCall();
            release();
            await pump.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
