using Suifang.Agent.Dialogue;
using Suifang.Integrations.Telephony.Sip.Audio;

namespace Suifang.Integrations.Tests.Telephony.Sip;

/// Real calls on 127.0.0.1 between the system's baresip line and a patient's baresip (standard 5.1.4 智能语音外呼).
public sealed class SipCallTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Answered_call_plays_the_prompt_to_the_patient_and_returns_the_key_pressed_5_1_4()
    {
        await using var world = await SipWorld.WithPatientAsync();
        var dial = await world.DialAsync("attempt-dtmf");
        Assert.Null(dial.NotReached);
        await using var call = dial.Call!;
        await world.Patient.WaitForAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(5));
        Assert.True(Tones.LoudestRms(world.Patient.Heard()) < 100, "nothing is played before the first prompt");

        await call.SayAsync(new AgentTurn("伤口还疼吗？不疼请按1。", AcceptsDtmf: true), None);
        Assert.True(Tones.LoudestRms(world.Patient.Heard()) > 1000, "the patient heard the prompt");

        await world.Patient.PressAsync("1");
        var input = await call.ListenAsync(TimeSpan.FromSeconds(10), None);
        Assert.Equal("1", input.Dtmf);
        Assert.False(call.HungUp);
    }

    [Fact]
    public async Task Keys_pressed_within_the_digit_gap_form_one_answer()
    {
        await using var world = await SipWorld.WithPatientAsync(o => o.DtmfDigitGapMilliseconds = 1500);
        await using var call = (await world.DialAsync("attempt-keys")).Call!;
        await world.Patient.WaitForAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(5));

        var listening = call.ListenAsync(TimeSpan.FromSeconds(10), None);
        await world.Patient.PressAsync("1");
        await Task.Delay(300);
        await world.Patient.PressAsync("0");

        Assert.Equal("10", (await listening).Dtmf);
    }

    [Fact]
    public async Task A_key_pressed_during_the_prompt_stops_it_and_is_the_answer()
    {
        await using var world = await SipWorld.WithPatientAsync();
        await using var call = (await world.DialAsync("attempt-barge-in")).Call!;
        var saying = call.SayAsync(new AgentTurn("您好，我是市第一医院的智能随访助手，想了解您出院后的恢复情况，伤口不疼请按1，疼请按2。", AcceptsDtmf: true), None);
        for (var i = 0; i < 200 && Tones.LoudestRms(world.Patient.Heard()) < 1000; i++)
            await Task.Delay(50);

        await world.Patient.PressAsync("2");
        await saying;
        var heardWhenStopped = world.Patient.Heard().Length;
        await Task.Delay(600);
        var heardAfter = world.Patient.Heard();

        Assert.True(Tones.LoudestRms(heardAfter[(heardWhenStopped + 800)..]) < 100, "the rest of the prompt is not played");
        Assert.Equal("2", (await call.ListenAsync(TimeSpan.FromSeconds(1), None)).Dtmf);
    }

    [Fact]
    public async Task Patient_speaking_during_the_prompt_stops_it_and_the_speech_is_the_answer()
    {
        await using var world = await SipWorld.WithPatientAsync("伤口不疼了");
        await using var call = (await world.DialAsync("attempt-barge-in-speech")).Call!;
        var answer = await EspeakSpeech.ToWavFileAsync("伤口已经不疼了", false, Path.Combine(world.Folder, "answer.wav"), None, silenceAfter: 30);
        var spoken = Wav.ReadFile(answer).Samples.Length / (double)Wav.LineRate - 30;
        var saying = call.SayAsync(new AgentTurn("您好，我是市第一医院的智能随访助手，想了解您出院后的恢复情况，请问伤口现在还疼吗？"), None);
        for (var i = 0; i < 200 && Tones.LoudestRms(world.Patient.Heard()) < 1000; i++)
            await Task.Delay(50);

        await world.Patient.SayAsync(answer);
        await saying;
        var heardWhenStopped = world.Patient.Heard().Length;
        var input = await call.ListenAsync(TimeSpan.FromSeconds(10), None);

        Assert.Equal("伤口不疼了", input.Text);
        Assert.InRange(Assert.Single(world.Recognizer.Heard).Duration.TotalSeconds, spoken * 0.7, spoken + 1.5);
        var heardAfter = world.Patient.Heard();
        Assert.True(Tones.LoudestRms(heardAfter[(heardWhenStopped + 800)..]) < 100, "the rest of the prompt is not played");
    }

    [Fact]
    public async Task Patient_speech_is_cut_at_the_end_of_speech_silence_and_handed_to_the_recogniser()
    {
        await using var world = await SipWorld.WithPatientAsync("不发烧了");
        await using var call = (await world.DialAsync("attempt-speech")).Call!;
        await call.SayAsync(new AgentTurn("最近还发烧吗？"), None);
        var answer = await EspeakSpeech.ToWavFileAsync("我现在不发烧了", false, Path.Combine(world.Folder, "answer.wav"), None, silenceAfter: 30);
        var spoken = Wav.ReadFile(answer).Samples.Length / (double)Wav.LineRate - 30;

        await world.Patient.SayAsync(answer);
        var input = await call.ListenAsync(TimeSpan.FromSeconds(10), None);

        Assert.Equal("不发烧了", input.Text);
        var heard = Assert.Single(world.Recognizer.Heard).Duration.TotalSeconds;
        Assert.InRange(heard, spoken * 0.7, spoken + 1.5);
    }

    [Fact]
    public async Task Listening_returns_silence_when_the_patient_says_nothing_before_the_timeout()
    {
        await using var world = await SipWorld.WithPatientAsync("不应被调用");
        await using var call = (await world.DialAsync("attempt-silence")).Call!;

        var input = await call.ListenAsync(TimeSpan.FromSeconds(1.5), None);

        Assert.True(input.IsSilence);
        Assert.Empty(world.Recognizer.Heard);
    }

    [Fact]
    public async Task Patient_hanging_up_ends_listening_and_marks_the_call_hung_up()
    {
        await using var world = await SipWorld.WithPatientAsync();
        await using var call = (await world.DialAsync("attempt-hangup")).Call!;
        await world.Patient.WaitForAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(5));

        await world.Patient.HangUpAsync();
        var input = await call.ListenAsync(TimeSpan.FromSeconds(30), None);

        Assert.True(input.IsSilence);
        Assert.True(call.HungUp);
    }

    [Fact]
    public async Task Each_call_keeps_one_recording_of_both_sides_named_by_its_effect_key_5_1_7()
    {
        await using var world = await SipWorld.WithPatientAsync("好的");
        var answer = await EspeakSpeech.ToWavFileAsync("好的", false, Path.Combine(world.Folder, "ok.wav"), None, silenceAfter: 30);
        var paths = new List<string>();
        foreach (var key in new[] { "task-7:attempt-1", "task-7:attempt-2" })
        {
            var call = (await world.DialAsync(key)).Call!;
            await call.SayAsync(new AgentTurn("您好"), None);
            await world.Patient.SayAsync(answer);
            await call.ListenAsync(TimeSpan.FromSeconds(5), None);
            await call.DisposeAsync();
            paths.Add(Assert.IsType<string>(call.RecordingPath));
        }

        Assert.Equal(["task-7_attempt-1.wav", "task-7_attempt-2.wav"], paths.Select(Path.GetFileName));
        foreach (var path in paths)
        {
            var (rate, channels, _, _) = Wav.ParseHeader(await File.ReadAllBytesAsync(path));
            Assert.Equal((8000, 2), (rate, channels));
            var (agent, patient) = SplitStereo(await File.ReadAllBytesAsync(path));
            Assert.True(Tones.LoudestRms(agent) > 1000, "the agent's side is recorded");
            Assert.True(Tones.LoudestRms(patient) > 1000, "the patient's side is recorded");
        }
    }

    [Fact]
    public async Task A_repeated_prompt_is_synthesised_once()
    {
        await using var world = await SipWorld.WithPatientAsync();
        await using var call = (await world.DialAsync("attempt-cache")).Call!;

        await call.SayAsync(new AgentTurn("请问您是张先生吗？"), None);
        await call.SayAsync(new AgentTurn("请问您是张先生吗？"), None);
        await call.SayAsync(new AgentTurn("请问您是张先生吗？", Slow: true), None);

        Assert.Equal(2, world.Speech.Calls);
    }

    private static (short[] Left, short[] Right) SplitStereo(byte[] wav)
    {
        var (_, _, offset, length) = Wav.ParseHeader(wav);
        var frames = Math.Min(length, wav.Length - offset) / 4;
        var left = new short[frames];
        var right = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            left[i] = BitConverter.ToInt16(wav, offset + 4 * i);
            right[i] = BitConverter.ToInt16(wav, offset + 4 * i + 2);
        }
        return (left, right);
    }
}
