using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Diagnose.Ingest.Evtx.Writing;

/// <summary>
/// Little-endian writes into a fixed buffer up to a limit. Writing past the limit sets
/// <see cref="Overflow"/> instead of throwing, so a record that does not fit can be rolled back.
/// </summary>
internal sealed class ByteCursor(byte[] buffer, int limit)
{
    public byte[] Buffer { get; } = buffer;

    public int Pos { get; set; }

    public int Limit { get; } = limit;

    public bool Overflow { get; set; }

    public void U8(byte v)
    {
        if (Room(1))
        {
            Buffer[Pos++] = v;
        }
    }

    public void U16(ushort v)
    {
        if (Room(2))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(Buffer.AsSpan(Pos), v);
            Pos += 2;
        }
    }

    public void U32(uint v)
    {
        if (Room(4))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(Buffer.AsSpan(Pos), v);
            Pos += 4;
        }
    }

    public void U64(ulong v)
    {
        if (Room(8))
        {
            BinaryPrimitives.WriteUInt64LittleEndian(Buffer.AsSpan(Pos), v);
            Pos += 8;
        }
    }

    public void Bytes(ReadOnlySpan<byte> v)
    {
        if (Room(v.Length))
        {
            v.CopyTo(Buffer.AsSpan(Pos));
            Pos += v.Length;
        }
    }

    public void Utf16(ReadOnlySpan<char> v) => Bytes(MemoryMarshal.AsBytes(v));

    /// <summary>Writes a 32-bit value at an earlier position (sizes known only after their content).</summary>
    public void PatchU32(int at, uint v)
    {
        if (!Overflow)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(Buffer.AsSpan(at), v);
        }
    }

    public void PatchU16(int at, ushort v)
    {
        if (!Overflow)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(Buffer.AsSpan(at), v);
        }
    }

    private bool Room(int n)
    {
        if (Overflow || Pos + n > Limit)
        {
            Overflow = true;
            return false;
        }

        return true;
    }
}
