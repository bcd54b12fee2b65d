using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Suifang.Agent.Speech;

namespace Suifang.Integrations.Speech;

/// Synthesised prompts by text, voice and speed: a memory LRU in front of a folder of WAV files, so the same prompt
/// is synthesised once — also when several calls ask for it at the same moment.
internal sealed class PromptCache(string folder, int memoryEntries)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, SpeechAudio Audio)> _order = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, SpeechAudio Audio)>> _memory = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<SpeechAudio>>> _pending = new();

    public string Folder => folder;

    public static string KeyOf(string voice, bool slow, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{voice}\n{(slow ? "slow" : "normal")}\n{text}")));

    /// The synthesis is shared by every caller waiting for the key, so it does not stop when one of them gives up
    /// (a caller's <paramref name="ct"/> only ends its own wait); providers bound it with their own timeouts.
    public async Task<SpeechAudio> GetOrAddAsync(string key, Func<Task<SpeechAudio>> synthesize, CancellationToken ct = default)
    {
        if (FromMemory(key) is { } hit)
            return hit;
        var lazy = _pending.GetOrAdd(key, k => new Lazy<Task<SpeechAudio>>(() => LoadOrSynthesizeAsync(k, synthesize)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Lazy<Task<SpeechAudio>>>(key, lazy));
        }
    }

    public bool Contains(string key) => FromMemory(key) is not null || File.Exists(PathOf(key));

    private async Task<SpeechAudio> LoadOrSynthesizeAsync(string key, Func<Task<SpeechAudio>> synthesize)
    {
        var path = PathOf(key);
        SpeechAudio audio;
        if (File.Exists(path))
        {
            audio = TelephoneWav.ToTelephone(await File.ReadAllBytesAsync(path));
        }
        else
        {
            audio = await synthesize();
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temp, audio.Wav);
            File.Move(temp, path, overwrite: true);
        }
        Remember(key, audio);
        return audio;
    }

    private string PathOf(string key) => Path.Combine(folder, key[..2], key + ".wav");

    private SpeechAudio? FromMemory(string key)
    {
        lock (_gate)
        {
            if (!_memory.TryGetValue(key, out var node))
                return null;
            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Audio;
        }
    }

    private void Remember(string key, SpeechAudio audio)
    {
        if (memoryEntries == 0)
            return;
        lock (_gate)
        {
            if (_memory.ContainsKey(key))
                return;
            _memory[key] = _order.AddFirst((key, audio));
            while (_memory.Count > memoryEntries)
            {
                _memory.Remove(_order.Last!.Value.Key);
                _order.RemoveLast();
            }
        }
    }
}
