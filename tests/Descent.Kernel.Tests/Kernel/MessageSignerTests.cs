using System.Text;
using Descent.Notebooks.Kernel;

namespace Descent.Kernel.Tests.Kernel;

public sealed class MessageSignerTests
{
    // RFC 4231 test case 2: HMAC-SHA256(key "Jefe", "what do ya want for nothing?"). The signature is the HMAC of the
    // concatenated frames, so the same data split across the four frames must give the RFC's digest.
    private const string Rfc4231Case2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    // A realistic message signed by Python: hmac.new(key, header + parent + metadata + content, hashlib.sha256).hexdigest()
    private const string PythonKey = "a0436f6c-1916-498b-8eb9-e81ab9368e84";
    private const string PythonHeader = "{\"msg_id\":\"m1\",\"session\":\"s1\",\"username\":\"u\",\"date\":\"2026-01-01T00:00:00.000000Z\",\"msg_type\":\"execute_request\",\"version\":\"5.3\"}";
    private const string PythonContent = "{\"code\":\"1+1\",\"silent\":false}";
    private const string PythonSignature = "d69a1f38c13a1a9f8a1dfc5c22c13220775234a1c76e619929dd875f1830a611";

    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Sign_MatchesRfc4231VectorAcrossFrames()
    {
        var signer = new MessageSigner("Jefe");
        Assert.Equal(Rfc4231Case2, signer.Sign(B("what do "), B("ya want "), B("for "), B("nothing?")));
    }

    [Fact]
    public void Sign_MatchesPythonHmac()
    {
        var signer = new MessageSigner(PythonKey);
        Assert.Equal(PythonSignature, signer.Sign(B(PythonHeader), B("{}"), B("{}"), B(PythonContent)));
    }

    [Fact]
    public void Verify_AcceptsPythonSignature_UpperOrLowerHex()
    {
        Assert.Null(new MessageSigner(PythonKey).Verify(B(PythonSignature), B(PythonHeader), B("{}"), B("{}"), B(PythonContent)));
        Assert.Null(new MessageSigner(PythonKey).Verify(B(PythonSignature.ToUpperInvariant()), B(PythonHeader), B("{}"), B("{}"), B(PythonContent)));
    }

    [Fact]
    public void Verify_RejectsWrongKey()
    {
        var error = new MessageSigner("another key").Verify(B(PythonSignature), B(PythonHeader), B("{}"), B("{}"), B(PythonContent));
        Assert.Equal("invalid signature", error);
    }

    [Fact]
    public void Verify_RejectsTamperedContent()
    {
        var error = new MessageSigner(PythonKey).Verify(B(PythonSignature), B(PythonHeader), B("{}"), B("{}"), B("{\"code\":\"2+2\",\"silent\":false}"));
        Assert.Equal("invalid signature", error);
    }

    [Theory]
    [InlineData("", "missing signature")]
    [InlineData("d69a1f38", "malformed signature (expected 64 hex digits)")]
    [InlineData("zz9a1f38c13a1a9f8a1dfc5c22c13220775234a1c76e619929dd875f1830a611", "malformed signature (expected 64 hex digits)")]
    public void Verify_RejectsMissingOrMalformed(string signature, string expected)
    {
        var error = new MessageSigner(PythonKey).Verify(B(signature), B(PythonHeader), B("{}"), B("{}"), B(PythonContent));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Verify_RejectsReplay()
    {
        var signer = new MessageSigner(PythonKey);
        Assert.Null(signer.Verify(B(PythonSignature), B(PythonHeader), B("{}"), B("{}"), B(PythonContent)));
        Assert.Equal("duplicate signature (replayed message)",
                     signer.Verify(B(PythonSignature), B(PythonHeader), B("{}"), B("{}"), B(PythonContent)));
    }

    [Fact]
    public void EmptyKey_DisablesSigning()
    {
        var signer = new MessageSigner(string.Empty);
        Assert.False(signer.IsEnabled);
        Assert.Equal(string.Empty, signer.Sign(B(PythonHeader), B("{}"), B("{}"), B(PythonContent)));
        Assert.Null(signer.Verify([], B(PythonHeader), B("{}"), B("{}"), B(PythonContent)));
    }
}
