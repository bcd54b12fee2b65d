using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Suifang.Core.Patients.Import.Xlsx;

/// The workbook's shared string table, kept as UTF-8 in one buffer (a saved 100,000-row sheet holds hundreds of
/// thousands of strings: as .NET strings they would take several times the memory). A string is decoded when a cell asks.
internal sealed class SharedStrings
{
    private byte[] _bytes = new byte[1 << 16];
    private int _length;
    private readonly List<int> _ends = [];

    public static SharedStrings Read(ZipArchive zip, string? part)
    {
        var table = new SharedStrings();
        if (part is null)
            return table;
        using var reader = XlsxPackage.Open(zip, part);
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
                table.Add(XlsxPackage.RichText(reader));
            else
                reader.Read();
        }
        return table;
    }

    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_ends.Count)
                throw new InvalidDataException($"shared string {index} does not exist");
            var start = index == 0 ? 0 : _ends[index - 1];
            return Encoding.UTF8.GetString(_bytes, start, _ends[index] - start);
        }
    }

    private void Add(string text)
    {
        var needed = _length + Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        _length += Encoding.UTF8.GetBytes(text, 0, text.Length, _bytes, _length);
        _ends.Add(_length);
    }
}
