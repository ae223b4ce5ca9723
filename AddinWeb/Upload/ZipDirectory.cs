using System.Buffers.Binary;
using System.Text;

namespace AddinWeb.Upload;

/// <summary>
/// The zip's index (central directory, APPNOTE 4.3.12–4.3.16), read without inflating anything: what the package
/// guard checks, and what the sheet insertion copies entries by.
/// </summary>
internal static class ZipDirectory
{
    public const uint LocalHeaderSignature = 0x04034b50;
    public const uint CentralHeaderSignature = 0x02014b50;
    public const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;

    /// <summary>Every entry, or null when the index is damaged.</summary>
    public static List<Entry>? Entries(Stream stream)
    {
        if (FindCentralDirectory(stream) is not var (count, offset, size) || offset + size > stream.Length) return null;
        stream.Position = offset;
        var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var entries = new List<Entry>();
        for (long i = 0; i < count; i++)
        {
            if (ReadCentralEntry(reader) is not { } entry) return null;
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>Where an entry's compressed data starts (after its local header), or -1.</summary>
    public static long DataStart(byte[] zip, Entry entry)
    {
        if (entry.LocalHeaderOffset + 30 > zip.Length) return -1;
        var header = zip.AsSpan((int)entry.LocalHeaderOffset, 30);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature) return -1;
        var start = entry.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header[26..])
                    + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        return start + entry.Compressed <= zip.Length ? start : -1;
    }

    /// <summary>One entry of the central directory, with what a copy of it needs.</summary>
    public readonly record struct Entry(string Name, ushort Flags, ushort Method, long Compressed, long Size, long LocalHeaderOffset)
    {
        public ushort VersionMadeBy { get; init; }
        public ushort VersionNeeded { get; init; }
        public uint TimeAndDate { get; init; }
        public uint Crc { get; init; }
        public ushort InternalAttributes { get; init; }
        public uint ExternalAttributes { get; init; }
        public byte[] RawName { get; init; }
    }

    public static Entry? ReadCentralEntry(BinaryReader reader)
    {
        if (reader.ReadUInt32() != CentralHeaderSignature) return null;
        var madeBy = reader.ReadUInt16();
        var needed = reader.ReadUInt16();
        var flags = reader.ReadUInt16();
        var method = reader.ReadUInt16();
        var timeAndDate = reader.ReadUInt32();
        var crc = reader.ReadUInt32();
        long compressed = reader.ReadUInt32();
        long size = reader.ReadUInt32();
        var nameLength = reader.ReadUInt16();
        var extraLength = reader.ReadUInt16();
        var commentLength = reader.ReadUInt16();
        reader.ReadUInt16(); // disk
        var internalAttributes = reader.ReadUInt16();
        var externalAttributes = reader.ReadUInt32();
        long offset = reader.ReadUInt32();
        var rawName = reader.ReadBytes(nameLength);
        var name = Encoding.UTF8.GetString(rawName);
        var extra = reader.ReadBytes(extraLength);
        reader.BaseStream.Seek(commentLength, SeekOrigin.Current);
        // Zip64: the real values follow, in this order, for the fields saturated at 0xFFFFFFFF.
        for (var at = 0; at + 4 <= extra.Length;)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(at));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(at + 2));
            if (tag == 0x0001)
            {
                var field = extra.AsMemory(at + 4, Math.Min(length, extra.Length - at - 4));
                var position = 0;
                long Next()
                {
                    var value = position + 8 <= field.Length ? (long)BinaryPrimitives.ReadUInt64LittleEndian(field.Span[position..]) : -1;
                    position += 8;
                    return value;
                }
                if (size == 0xFFFFFFFF) size = Next();
                if (compressed == 0xFFFFFFFF) compressed = Next();
                if (offset == 0xFFFFFFFF) offset = Next();
                if (size < 0 || compressed < 0 || offset < 0) return null;
            }
            at += 4 + length;
        }
        return new Entry(name, flags, method, compressed, size, offset)
        {
            VersionMadeBy = madeBy, VersionNeeded = needed, TimeAndDate = timeAndDate, Crc = crc,
            InternalAttributes = internalAttributes, ExternalAttributes = externalAttributes, RawName = rawName,
        };
    }

    /// <summary>The end-of-central-directory record (or its Zip64 form): where the index is and how many entries.</summary>
    public static (long Entries, long Offset, long Size)? FindCentralDirectory(Stream stream)
    {
        const int RecordSize = 22;
        var tail = (int)Math.Min(stream.Length, RecordSize + ushort.MaxValue);
        var buffer = new byte[tail];
        stream.Position = stream.Length - tail;
        stream.ReadExactly(buffer);
        for (var at = tail - RecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at)) != EndOfCentralDirectorySignature) continue;
            var record = buffer.AsSpan(at);
            if (BinaryPrimitives.ReadUInt16LittleEndian(record[4..]) != 0) return null; // multi-disk archive
            long entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
            if (entries == 0xFFFF || size == 0xFFFFFFFF || offset == 0xFFFFFFFF)
            {
                var locator = stream.Length - tail + at - 20;
                if (locator < 0) return null;
                var zip64 = new byte[56];
                stream.Position = locator;
                stream.ReadExactly(zip64.AsSpan(0, 20));
                if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64LocatorSignature) return null;
                var endOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(8));
                if (endOffset < 0 || endOffset + 56 > stream.Length) return null;
                stream.Position = endOffset;
                stream.ReadExactly(zip64);
                if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndSignature) return null;
                entries = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32));
                size = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(40));
                offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48));
                if (entries < 0 || size < 0 || offset < 0) return null;
            }
            return (entries, offset, size);
        }
        return null;
    }

}
