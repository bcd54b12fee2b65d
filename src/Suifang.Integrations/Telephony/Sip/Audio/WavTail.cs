using System.Buffers.Binary;

namespace Suifang.Integrations.Telephony.Sip.Audio;

/// Follows a WAV file another process is still writing (baresip's recording of what the line receives) and returns
/// the samples appended since the last read.
internal sealed class WavTail(string path) : IDisposable
{
    private FileStream? stream;
    private int frameBytes;
    private byte[] carry = [];

    /// Samples returned so far (8 kHz: divide by 8000 for seconds since the recording started).
    public long SamplesRead { get; private set; }

    public short[] ReadNew()
    {
        if (stream is null && !TryOpen())
            return [];
        var available = stream!.Length - stream.Position;
        if (available <= 0)
            return [];
        var buffer = new byte[carry.Length + available];
        carry.CopyTo(buffer, 0);
        var read = stream.Read(buffer, carry.Length, (int)available);
        var total = carry.Length + read;
        var frames = total / frameBytes;
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(buffer.AsSpan(i * frameBytes));
        carry = buffer[(frames * frameBytes)..total];
        SamplesRead += frames;
        return samples;
    }

    private bool TryOpen()
    {
        if (!File.Exists(path))
            return false;
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[Math.Min(file.Length, 4096)];
        file.ReadExactly(header);
        try
        {
            var (_, channels, offset, _) = Wav.ParseHeader(header);
            frameBytes = 2 * channels;
            file.Position = offset;
            stream = file;
            return true;
        }
        catch (InvalidDataException)
        {
            file.Dispose();
            return false;
        }
    }

    public void Dispose() => stream?.Dispose();
}
