using System.Buffers.Binary;
using System.IO.Compression;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// The kernel's logo, drawn in code: a white valley y = x² on .NET purple with an orange ball rolling down it,
/// encoded as an RGBA PNG (IHDR, zlib IDAT, IEND with CRC-32).
/// </summary>
public static class KernelLogo
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A <paramref name="size"/>×<paramref name="size"/> PNG.</summary>
    public static byte[] Png(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 1024);
        var pixels = Draw(size);
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type RGBA
        WriteChunk(output, "IHDR", header);
        using (var raw = new MemoryStream())
        {
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < size; y++)
                {
                    zlib.WriteByte(0); // filter: none
                    zlib.Write(pixels, y * size * 4, size * 4);
                }
            }

            WriteChunk(output, "IDAT", raw.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Draw(int size)
    {
        var pixels = new byte[size * size * 4];
        var line = Math.Max(1.0, size / 16.0);
        var ballX = -0.55;
        var ballY = ballX * ballX;
        for (var py = 0; py < size; py++)
        {
            for (var px = 0; px < size; px++)
            {
                // Map the pixel to [-1, 1] × [-0.1, 1.1] (y up).
                var x = ((px + 0.5) / size * 2) - 1;
                var y = 1.1 - ((py + 0.5) / size * 1.2);
                var scale = size / 2.0;
                byte r = 0x51, g = 0x2B, b = 0xD4;
                if (Math.Abs(y - (x * x)) * scale < line * (1 + (2 * Math.Abs(x))))
                {
                    r = g = b = 0xFF;
                }

                var dx = x - ballX;
                var dy = (y - ballY - 0.12) * (2 / 1.2);
                if (((dx * dx) + (dy * dy)) * scale * scale < 0.012 * scale * scale * 4)
                {
                    (r, g, b) = ((byte)0xFF, (byte)0x9F, (byte)0x1C);
                }

                var i = ((py * size) + px) * 4;
                pixels[i] = r;
                pixels[i + 1] = g;
                pixels[i + 2] = b;
                pixels[i + 3] = 0xFF;
            }
        }

        return pixels;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        output.Write(buffer);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32(Crc32(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(buffer, crc);
        output.Write(buffer);
    }

    private static uint Crc32(uint crc, byte[] data)
    {
        foreach (var d in data)
        {
            crc = CrcTable[(crc ^ d) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
