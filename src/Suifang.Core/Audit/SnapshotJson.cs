using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Suifang.Core.Audit;

/// The snapshot of a new row as JSON, written straight from the object: the same text JsonSerializer gives for
/// the dictionary of its recorded properties (same order, same escaping, dates and enums written the same way),
/// without the dictionary, the boxing look-ups and the serializer's per-value dispatch. An import writes 190,000 of them.
internal static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ConcurrentDictionary<IEntityType, (JsonEncodedText Name, IClrPropertyGetter Getter)[]> Columns = new();

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static string Write(IEntityType type, object entity, Func<IProperty, bool> recorded)
    {
        var columns = Columns.GetOrAdd(type, t => t.GetProperties().Where(recorded)
            .Select(p => (JsonEncodedText.Encode(p.Name, Options.Encoder), p.GetGetter())).ToArray());
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }))
        {
            json.WriteStartObject();
            foreach (var (name, getter) in columns)
            {
                switch (getter.GetClrValue(entity))
                {
                    case null: json.WriteNull(name); break;
                    case string s: json.WriteString(name, s); break;
                    case long l: json.WriteNumber(name, l); break;
                    case int i: json.WriteNumber(name, i); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    case DateTime t: json.WriteString(name, t); break;
                    case DateOnly d: json.WriteString(name, d.ToString("O", CultureInfo.InvariantCulture)); break;
                    case Enum e when Enum.GetUnderlyingType(e.GetType()) == typeof(int): json.WriteNumber(name, Convert.ToInt32(e, CultureInfo.InvariantCulture)); break;
                    case var other:
                        json.WritePropertyName(name);
                        JsonSerializer.Serialize(json, other, other.GetType(), Options);
                        break;
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
