using System.Security.Cryptography;
using System.Text;

namespace Descent.Notebooks.Kernel;

/// <summary>
/// Signs and verifies Jupyter messages: signature = hex(HMAC-SHA256(key, header ‖ parent_header ‖ metadata ‖ content)),
/// computed over the four serialized JSON frames exactly as they travel.
/// </summary>
/// <remarks>
/// Verification compares digests with <see cref="CryptographicOperations.FixedTimeEquals"/> so its time does not
/// depend on how many leading bytes of a forged signature are right. An empty key disables signing (the protocol's
/// rule): outgoing signatures are empty and incoming ones are not checked. With a key, a missing, malformed or wrong
/// signature fails, and so does a signature seen before (a replayed message), as jupyter_client's Session does.
/// </remarks>
public sealed class MessageSigner
{
    private const int DigestBytes = 32;
    private const int HistoryLimit = 1 << 16;

    private readonly byte[] _key;
    private readonly HashSet<string> _history = new(StringComparer.Ordinal);
    private readonly Queue<string> _historyOrder = new();
    private readonly Lock _historyLock = new();

    /// <summary>Creates a signer for <paramref name="key"/> (UTF-8 bytes of the connection file's key).</summary>
    public MessageSigner(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>Whether a key is set (otherwise signing is disabled).</summary>
    public bool IsEnabled => _key.Length > 0;

    /// <summary>The lowercase hex HMAC-SHA256 of the four frames, or "" when signing is disabled.</summary>
    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled)
        {
            return string.Empty;
        }

        Span<byte> digest = stackalloc byte[DigestBytes];
        Compute(header, parentHeader, metadata, content, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>
    /// Checks <paramref name="signature"/> (the ASCII hex frame) against the four frames in constant time,
    /// and rejects a signature already accepted once (replay).
    /// </summary>
    /// <returns>null when valid; otherwise the reason the message must be dropped.</returns>
    public string? Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader,
                          ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled)
        {
            return null;
        }

        if (signature.Length == 0)
        {
            return "missing signature";
        }

        Span<byte> received = stackalloc byte[DigestBytes];
        if (signature.Length != 2 * DigestBytes || !TryDecodeHex(signature, received))
        {
            return "malformed signature (expected 64 hex digits)";
        }

        Span<byte> expected = stackalloc byte[DigestBytes];
        Compute(header, parentHeader, metadata, content, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            return "invalid signature";
        }

        var key = Convert.ToHexStringLower(received);
        lock (_historyLock)
        {
            if (!_history.Add(key))
            {
                return "duplicate signature (replayed message)";
            }

            _historyOrder.Enqueue(key);
            if (_historyOrder.Count > HistoryLimit)
            {
                _history.Remove(_historyOrder.Dequeue());
            }
        }

        return null;
    }

    private void Compute(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata,
                         ReadOnlySpan<byte> content, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        hmac.GetHashAndReset(destination);
    }

    private static bool TryDecodeHex(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
