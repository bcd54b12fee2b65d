using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Suifang.Core.Calls;
using Suifang.Core.Data;
using Suifang.Integrations.Telephony.Sip;

namespace Suifang.Integrations.Calls.Recordings;

/// Settings of the recordings of simulated calls (section "Calls:SimulatedRecordings").
public sealed class SimulatedRecordingOptions
{
    /// On by default: the demo's calls get playable recordings. Off: simulated calls have transcripts only.
    public bool Enabled { get; set; } = true;

    /// Where the WAV files go; empty means "recordings/simulated" under Suifang:DataDirectory.
    public string? Folder { get; set; }

    /// The patients' voice (espeak-ng), clearly different from the agent's: a variant (espeak-ng --voices=variant) and pitch.
    public string PatientVariant { get; set; } = "f2";
    public int PatientPitch { get; set; } = 70;

    /// Calls waiting to be rendered; when full, further calls keep their transcript without a recording.
    public int QueueLength { get; set; } = 1000;
}

/// The background queue that renders a simulated call's recording after the call (never on the call's path): the AI
/// call channel enqueues each answered simulated call; one worker renders them in turn, writes
/// &lt;folder&gt;/&lt;effect key&gt;.wav and sets the call's RecordingPath, which the recording endpoint serves. A failure
/// (TTS missing, disk full) is logged and leaves the call without a recording; the call itself is already stored.
public sealed class SimulatedRecordings : BackgroundService
{
    private readonly Channel<long> _queue;
    private readonly Func<SuifangDbContext> _newContext;
    private readonly TranscriptRecording _renderer;
    private readonly string _folder;
    private readonly ILogger _log;

    internal SimulatedRecordings(Func<SuifangDbContext> newContext, TranscriptRecording renderer, string folder, int queueLength, ILogger log)
    {
        _queue = Channel.CreateBounded<long>(new BoundedChannelOptions(Math.Max(1, queueLength))
        {
            SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite,
        });
        _newContext = newContext;
        _renderer = renderer;
        _folder = folder;
        _log = log;
    }

    public string Folder => _folder;

    /// Asks for the call's recording; returns false when the queue is full (the call keeps its transcript only).
    public bool Enqueue(long callId)
    {
        if (_queue.Writer.TryWrite(callId))
            return true;
        _log.LogWarning("Recording queue full: call {CallId} keeps its transcript without a recording", callId);
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var callId in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RenderAsync(callId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _log.LogWarning(ex, "The recording of simulated call {CallId} could not be rendered; the call keeps its transcript", callId);
            }
        }
    }

    /// Renders one call now (the worker's step; tests and tools call it directly). Returns the path, or null when the
    /// call is not an ended, answered simulated call without a recording.
    public async Task<string?> RenderAsync(long callId, CancellationToken ct)
    {
        Call? call;
        List<CallTurn> turns;
        await using (var db = _newContext())
        {
            call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
            if (call is not { Simulated: true, Status: CallStatus.Ended, AnsweredAt: not null, RecordingPath: null })
                return null;
            turns = await db.CallTurns.AsNoTracking().Where(t => t.CallId == callId).OrderBy(t => t.Index).ToListAsync(ct);
        }
        if (turns.Count == 0)
            return null;
        var audio = await _renderer.RenderAsync(turns, ct);
        Directory.CreateDirectory(_folder);
        var path = Path.GetFullPath(Path.Combine(_folder, CallRecording.FileName(call.EffectKey) + ".wav"));
        var partial = path + ".part";
        await File.WriteAllBytesAsync(partial, audio.Wav, ct);
        File.Move(partial, path, overwrite: true);
        await using (var db = _newContext())
            await db.Calls.Where(c => c.Id == callId && c.RecordingPath == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingPath, path), ct);
        return path;
    }
}
