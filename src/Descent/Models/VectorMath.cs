using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Models;

/// <summary>
/// tanh over spans, four values per 256-bit vector, with the bits of <see cref="Elementwise.Tanh"/>.
/// <para>
/// <see cref="Elementwise.Tanh"/> calls <see cref="Math.Exp"/>, which on Linux is glibc's <c>exp</c>: Szabolcs Nagy's
/// table-driven algorithm from Arm's optimized-routines (2¹²⁸ᐟ¹²⁸ table of 128 entries, a degree-5 polynomial), compiled
/// with fused multiply-adds on machines that have them. <see cref="ExpCore"/> performs the same operations in the same order
/// on four lanes, with the same table, so each lane gets glibc's bits; the rational branch and the blend of tanh are plain
/// IEEE operations, identical in a lane and in a scalar. Whether this holds on the machine is not assumed:
/// <see cref="Supported"/> compares both against the scalar functions on 16,388 arguments once per process, and when any
/// bit differs (another C library, no FMA, no AVX2) every caller takes the scalar path. <c>VectorMathTests</c> compares a
/// million more.
/// </para>
/// </summary>
internal static class VectorMath
{
    /// <summary>True when <see cref="Tanh(ReadOnlySpan{double}, Span{double})"/> runs in vectors on this machine (and gives
    /// the scalar bits there); false when it falls back to <see cref="Elementwise.Tanh"/> value by value.</summary>
    public static bool Supported { get; } = Probe();

    /// <summary>a[i] = tanh z[i], bit for bit <see cref="Elementwise.Tanh"/>.</summary>
    public static void Tanh(ReadOnlySpan<double> z, Span<double> a) => Map<TanhMap>(z, a, nameof(z));

    /// <summary>e[i] = e^x[i], bit for bit <see cref="Math.Exp"/> (<paramref name="e"/> may be <paramref name="x"/>).</summary>
    public static void Exp(ReadOnlySpan<double> x, Span<double> e) => Map<ExpMap>(x, e, nameof(x));

    /// <summary>y[i] = f(x[i]): four at a time where <see cref="Supported"/>, the scalar function for the rest.</summary>
    private static void Map<TF>(ReadOnlySpan<double> x, Span<double> y, string name) where TF : IFunction
    {
        if (y.Length > x.Length)
        {
            throw new ArgumentException($"{name} has {x.Length} entries, fewer than the {y.Length} of the output", name);
        }

        int i = 0;
        if (Supported)
        {
            ref double xx = ref MemoryMarshal.GetReference(x);
            ref double yy = ref MemoryMarshal.GetReference(y);
            for (; i + 4 <= y.Length; i += 4)
            {
                TF.Vector(Vector256.LoadUnsafe(ref xx, (nuint)i)).StoreUnsafe(ref yy, (nuint)i);
            }
        }
        for (; i < y.Length; i++)
        {
            y[i] = TF.Scalar(x[i]);
        }
    }

    private interface IFunction
    {
        static abstract Vector256<double> Vector(Vector256<double> x);

        static abstract double Scalar(double x);
    }

    private readonly struct TanhMap : IFunction
    {
        public static Vector256<double> Vector(Vector256<double> x) => TanhVector(x);

        public static double Scalar(double x) => Elementwise.Tanh(x);
    }

    private readonly struct ExpMap : IFunction
    {
        public static Vector256<double> Vector(Vector256<double> x) => ExpVector(x);

        public static double Scalar(double x) => Math.Exp(x);
    }

    /// <summary>e^x of four lanes as glibc computes each: 1 + x below 2⁻⁵⁴ in magnitude, <see cref="ExpCore"/>
    /// up to 512, and glibc itself beyond (or for NaN).</summary>
    private static Vector256<double> ExpVector(Vector256<double> x)
    {
        var magnitude = Vector256.Abs(x);
        if (!Vector256.LessThanAll(magnitude, Vector256.Create(512.0)))
        {
            return Vector256.Create(Math.Exp(x[0]), Math.Exp(x[1]), Math.Exp(x[2]), Math.Exp(x[3]));
        }

        var tiny = Vector256.LessThan(magnitude, Vector256.Create(TwoToMinus54));
        var e = ExpCore(Vector256.ConditionalSelect(tiny, Vector256.Create(1.0), x));
        return Vector256.ConditionalSelect(tiny, Vector256.Create(1.0) + x, e);
    }

    /// <summary>tanh of four lanes (the caller has checked <see cref="Supported"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TanhVector(Vector256<double> z)
    {
        var a = Vector256.Abs(z);
        var large = Vector256.GreaterThanOrEqual(a, Vector256.Create(0.625));
        // |z| ≥ 0.625: sign(z)(1 − 2/(e^{2|z|} + 1)). Lanes of the other branch feed exp a harmless 1.25.
        var twice = Vector256.ConditionalSelect(large, a + a, Vector256.Create(1.25));
        if (!Vector256.LessThanAll(twice, Vector256.Create(512.0)))
        {
            return Scalar(z);
        }

        // One division serves both branches: 2/(e^{2|z|} + 1) in the large lanes, P/Q in the others; each lane's
        // quotient is the scalar code's, and the branch a lane does not take is skipped when no lane takes it.
        var s = z * z;
        Vector256<double> numerator = Vector256.Create(2.0), denominator = Vector256<double>.Zero;
        bool anyLarge = large.AsInt64() != Vector256<long>.Zero, allLarge = Vector256.EqualsAll(large.AsInt64(), Vector256<long>.AllBitsSet);
        if (!allLarge)
        {
            // |z| < 0.625: Cephes' z + z³P(z²)/Q(z²), the same operations as the scalar code.
            numerator = (Vector256.Create(-9.64399179425052238628E-1) * s - Vector256.Create(9.92877231001918586564E1)) * s - Vector256.Create(1.61468768441708447952E3);
            denominator = ((s + Vector256.Create(1.12811678491632931402E2)) * s + Vector256.Create(2.23548839060100448583E3)) * s + Vector256.Create(4.84406305325125486048E3);
        }
        if (anyLarge)
        {
            numerator = Vector256.ConditionalSelect(large, Vector256.Create(2.0), numerator);
            denominator = Vector256.ConditionalSelect(large, ExpCore(twice) + Vector256.Create(1.0), denominator);
        }

        var quotient = numerator / denominator;
        var t = Vector256.Create(1.0) - quotient;
        var signed = Vector256.ConditionalSelect(Vector256.LessThan(z, Vector256<double>.Zero), -t, t);
        var rational = z + z * s * quotient;
        return Vector256.ConditionalSelect(large, signed, rational);
    }

    private static Vector256<double> Scalar(Vector256<double> z) =>
        Vector256.Create(Elementwise.Tanh(z[0]), Elementwise.Tanh(z[1]), Elementwise.Tanh(z[2]), Elementwise.Tanh(z[3]));

    /// <summary>e^x for 2⁻⁵⁴ ≤ |x| &lt; 512 in every lane (glibc's main path; the caller keeps to it), with glibc's
    /// operations: k = round(x·128/ln 2) by the shift trick, r = x − k·ln2/128 in two FMAs, 2^(k/128) from the table as
    /// scale·(1 + tail), and scale + scale·(tail + r + r²(C2 + rC3) + r⁴(C4 + rC5)) contracted as glibc's FMA build
    /// contracts it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> ExpCore(Vector256<double> x)
    {
        var kd = Fma.MultiplyAdd(x, Vector256.Create(InvLn2N), Vector256.Create(Shift));
        var ki = kd.AsUInt64();
        kd -= Vector256.Create(Shift);
        var r = Fma.MultiplyAdd(kd, Vector256.Create(NegLn2HiN), x);
        r = Fma.MultiplyAdd(kd, Vector256.Create(NegLn2LoN), r);
        ref ulong table = ref MemoryMarshal.GetReference(Table);
        // idx = 2·(k mod 128) ≤ 254: inside the 256-entry table.
        int i0 = 2 * (int)(ki[0] & 127), i1 = 2 * (int)(ki[1] & 127), i2 = 2 * (int)(ki[2] & 127), i3 = 2 * (int)(ki[3] & 127);
        var tail = Vector256.Create(Unsafe.Add(ref table, i0), Unsafe.Add(ref table, i1), Unsafe.Add(ref table, i2), Unsafe.Add(ref table, i3)).AsDouble();
        var sbits = Vector256.Create(Unsafe.Add(ref table, i0 + 1), Unsafe.Add(ref table, i1 + 1), Unsafe.Add(ref table, i2 + 1), Unsafe.Add(ref table, i3 + 1))
            + Vector256.ShiftLeft(ki, 45);
        var r2 = r * r;
        var p23 = Fma.MultiplyAdd(r, Vector256.Create(C3), Vector256.Create(C2));
        var p45 = Fma.MultiplyAdd(r, Vector256.Create(C5), Vector256.Create(C4));
        var tmp = Fma.MultiplyAdd(p23, r2, r + tail);
        tmp = Fma.MultiplyAdd(r2 * r2, p45, tmp);
        var scale = sbits.AsDouble();
        return Fma.MultiplyAdd(scale, tmp, scale);
    }

    /// <summary>Compares <see cref="Exp"/> with <see cref="Math.Exp"/> and the vector tanh with <see cref="Elementwise.Tanh"/>
    /// on 16,388 spread arguments each; any differing bit turns the vector path off.</summary>
    private static bool Probe()
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return false;
        }

        for (int j = 0; j <= 16384; j += 4)
        {
            // exp over its vector range ±511 (denser near 0), tanh over ±24 around both branches.
            var x = Vector256.Create(Spread(j, 511), Spread(j + 1, 511), Spread(j + 2, 511), Spread(j + 3, 511));
            x = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), Vector256.Create(TwoToMinus54)), Vector256.Create(1.0), x);
            var e = ExpCore(x);
            var z = Vector256.Create(Spread(j, 24), Spread(j + 1, 24), Spread(j + 2, 24), Spread(j + 3, 24));
            var t = TanhVector(z);
            for (int k = 0; k < 4; k++)
            {
                if (BitConverter.DoubleToInt64Bits(e[k]) != BitConverter.DoubleToInt64Bits(Math.Exp(x[k]))
                    || BitConverter.DoubleToInt64Bits(t[k]) != BitConverter.DoubleToInt64Bits(Elementwise.Tanh(z[k])))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The j-th of 16,388 probe points in (−limit, limit): a cubic spread, so that small arguments are dense.</summary>
    private static double Spread(int j, double limit)
    {
        double u = (j - 8192) / 8192.5;
        return limit * u * u * u + 1e-3 * Math.Sin(j);
    }

    // glibc's __exp_data (Arm optimized-routines exp_data.c): N = 128.
    private const double InvLn2N = 184.6649652337873;
    private const double NegLn2HiN = -0.005415212348111709;
    private const double NegLn2LoN = -1.2864023111638346E-14;
    private const double TwoToMinus54 = 5.551115123125783E-17;
    private const double Shift = 6755399441055744.0;
    private const double C2 = 0.49999999999996786;
    private const double C3 = 0.16666666666665886;
    private const double C4 = 0.0416666808410674;
    private const double C5 = 0.008333335853059549;

    /// <summary>tab[2i] = the tail t_i, tab[2i+1] = the bits of 2^(i/128) minus i≪45, so that adding k≪45 puts k into the
    /// exponent: 2^(k/128) ≈ scale·(1 + tail).</summary>
    private static ReadOnlySpan<ulong> Table =>
    [
        0x0000000000000000, 0x3FF0000000000000, 0x3C9B3B4F1A88BF6E, 0x3FEFF63DA9FB3335,
        0xBC7160139CD8DC5D, 0x3FEFEC9A3E778061, 0xBC905E7A108766D1, 0x3FEFE315E86E7F85,
        0x3C8CD2523567F613, 0x3FEFD9B0D3158574, 0xBC8BCE8023F98EFA, 0x3FEFD06B29DDF6DE,
        0x3C60F74E61E6C861, 0x3FEFC74518759BC8, 0x3C90A3E45B33D399, 0x3FEFBE3ECAC6F383,
        0x3C979AA65D837B6D, 0x3FEFB5586CF9890F, 0x3C8EB51A92FDEFFC, 0x3FEFAC922B7247F7,
        0x3C3EBE3D702F9CD1, 0x3FEFA3EC32D3D1A2, 0xBC6A033489906E0B, 0x3FEF9B66AFFED31B,
        0xBC9556522A2FBD0E, 0x3FEF9301D0125B51, 0xBC5080EF8C4EEA55, 0x3FEF8ABDC06C31CC,
        0xBC91C923B9D5F416, 0x3FEF829AAEA92DE0, 0x3C80D3E3E95C55AF, 0x3FEF7A98C8A58E51,
        0xBC801B15EAA59348, 0x3FEF72B83C7D517B, 0xBC8F1FF055DE323D, 0x3FEF6AF9388C8DEA,
        0x3C8B898C3F1353BF, 0x3FEF635BEB6FCB75, 0xBC96D99C7611EB26, 0x3FEF5BE084045CD4,
        0x3C9AECF73E3A2F60, 0x3FEF54873168B9AA, 0xBC8FE782CB86389D, 0x3FEF4D5022FCD91D,
        0x3C8A6F4144A6C38D, 0x3FEF463B88628CD6, 0x3C807A05B0E4047D, 0x3FEF3F49917DDC96,
        0x3C968EFDE3A8A894, 0x3FEF387A6E756238, 0x3C875E18F274487D, 0x3FEF31CE4FB2A63F,
        0x3C80472B981FE7F2, 0x3FEF2B4565E27CDD, 0xBC96B87B3F71085E, 0x3FEF24DFE1F56381,
        0x3C82F7E16D09AB31, 0x3FEF1E9DF51FDEE1, 0xBC3D219B1A6FBFFA, 0x3FEF187FD0DAD990,
        0x3C8B3782720C0AB4, 0x3FEF1285A6E4030B, 0x3C6E149289CECB8F, 0x3FEF0CAFA93E2F56,
        0x3C834D754DB0ABB6, 0x3FEF06FE0A31B715, 0x3C864201E2AC744C, 0x3FEF0170FC4CD831,
        0x3C8FDD395DD3F84A, 0x3FEEFC08B26416FF, 0xBC86A3803B8E5B04, 0x3FEEF6C55F929FF1,
        0xBC924AEDCC4B5068, 0x3FEEF1A7373AA9CB, 0xBC9907F81B512D8E, 0x3FEEECAE6D05D866,
        0xBC71D1E83E9436D2, 0x3FEEE7DB34E59FF7, 0xBC991919B3CE1B15, 0x3FEEE32DC313A8E5,
        0x3C859F48A72A4C6D, 0x3FEEDEA64C123422, 0xBC9312607A28698A, 0x3FEEDA4504AC801C,
        0xBC58A78F4817895B, 0x3FEED60A21F72E2A, 0xBC7C2C9B67499A1B, 0x3FEED1F5D950A897,
        0x3C4363ED60C2AC11, 0x3FEECE086061892D, 0x3C9666093B0664EF, 0x3FEECA41ED1D0057,
        0x3C6ECCE1DAA10379, 0x3FEEC6A2B5C13CD0, 0x3C93FF8E3F0F1230, 0x3FEEC32AF0D7D3DE,
        0x3C7690CEBB7AAFB0, 0x3FEEBFDAD5362A27, 0x3C931DBDEB54E077, 0x3FEEBCB299FDDD0D,
        0xBC8F94340071A38E, 0x3FEEB9B2769D2CA7, 0xBC87DECCDC93A349, 0x3FEEB6DAA2CF6642,
        0xBC78DEC6BD0F385F, 0x3FEEB42B569D4F82, 0xBC861246EC7B5CF6, 0x3FEEB1A4CA5D920F,
        0x3C93350518FDD78E, 0x3FEEAF4736B527DA, 0x3C7B98B72F8A9B05, 0x3FEEAD12D497C7FD,
        0x3C9063E1E21C5409, 0x3FEEAB07DD485429, 0x3C34C7855019C6EA, 0x3FEEA9268A5946B7,
        0x3C9432E62B64C035, 0x3FEEA76F15AD2148, 0xBC8CE44A6199769F, 0x3FEEA5E1B976DC09,
        0xBC8C33C53BEF4DA8, 0x3FEEA47EB03A5585, 0xBC845378892BE9AE, 0x3FEEA34634CCC320,
        0xBC93CEDD78565858, 0x3FEEA23882552225, 0x3C5710AA807E1964, 0x3FEEA155D44CA973,
        0xBC93B3EFBF5E2228, 0x3FEEA09E667F3BCD, 0xBC6A12AD8734B982, 0x3FEEA012750BDABF,
        0xBC6367EFB86DA9EE, 0x3FEE9FB23C651A2F, 0xBC80DC3D54E08851, 0x3FEE9F7DF9519484,
        0xBC781F647E5A3ECF, 0x3FEE9F75E8EC5F74, 0xBC86EE4AC08B7DB0, 0x3FEE9F9A48A58174,
        0xBC8619321E55E68A, 0x3FEE9FEB564267C9, 0x3C909CCB5E09D4D3, 0x3FEEA0694FDE5D3F,
        0xBC7B32DCB94DA51D, 0x3FEEA11473EB0187, 0x3C94ECFD5467C06B, 0x3FEEA1ED0130C132,
        0x3C65EBE1ABD66C55, 0x3FEEA2F336CF4E62, 0xBC88A1C52FB3CF42, 0x3FEEA427543E1A12,
        0xBC9369B6F13B3734, 0x3FEEA589994CCE13, 0xBC805E843A19FF1E, 0x3FEEA71A4623C7AD,
        0xBC94D450D872576E, 0x3FEEA8D99B4492ED, 0x3C90AD675B0E8A00, 0x3FEEAAC7D98A6699,
        0x3C8DB72FC1F0EAB4, 0x3FEEACE5422AA0DB, 0xBC65B6609CC5E7FF, 0x3FEEAF3216B5448C,
        0x3C7BF68359F35F44, 0x3FEEB1AE99157736, 0xBC93091FA71E3D83, 0x3FEEB45B0B91FFC6,
        0xBC5DA9B88B6C1E29, 0x3FEEB737B0CDC5E5, 0xBC6C23F97C90B959, 0x3FEEBA44CBC8520F,
        0xBC92434322F4F9AA, 0x3FEEBD829FDE4E50, 0xBC85CA6CD7668E4B, 0x3FEEC0F170CA07BA,
        0x3C71AFFC2B91CE27, 0x3FEEC49182A3F090, 0x3C6DD235E10A73BB, 0x3FEEC86319E32323,
        0xBC87C50422622263, 0x3FEECC667B5DE565, 0x3C8B1C86E3E231D5, 0x3FEED09BEC4A2D33,
        0xBC91BBD1D3BCBB15, 0x3FEED503B23E255D, 0x3C90CC319CEE31D2, 0x3FEED99E1330B358,
        0x3C8469846E735AB3, 0x3FEEDE6B5579FDBF, 0xBC82DFCD978E9DB4, 0x3FEEE36BBFD3F37A,
        0x3C8C1A7792CB3387, 0x3FEEE89F995AD3AD, 0xBC907B8F4AD1D9FA, 0x3FEEEE07298DB666,
        0xBC55C3D956DCAEBA, 0x3FEEF3A2B84F15FB, 0xBC90A40E3DA6F640, 0x3FEEF9728DE5593A,
        0xBC68D6F438AD9334, 0x3FEEFF76F2FB5E47, 0xBC91EEE26B588A35, 0x3FEF05B030A1064A,
        0x3C74FFD70A5FDDCD, 0x3FEF0C1E904BC1D2, 0xBC91BDFBFA9298AC, 0x3FEF12C25BD71E09,
        0x3C736EAE30AF0CB3, 0x3FEF199BDD85529C, 0x3C8EE3325C9FFD94, 0x3FEF20AB5FFFD07A,
        0x3C84E08FD10959AC, 0x3FEF27F12E57D14B, 0x3C63CDAF384E1A67, 0x3FEF2F6D9406E7B5,
        0x3C676B2C6C921968, 0x3FEF3720DCEF9069, 0xBC808A1883CCB5D2, 0x3FEF3F0B555DC3FA,
        0xBC8FAD5D3FFFFA6F, 0x3FEF472D4A07897C, 0xBC900DAE3875A949, 0x3FEF4F87080D89F2,
        0x3C74A385A63D07A7, 0x3FEF5818DCFBA487, 0xBC82919E2040220F, 0x3FEF60E316C98398,
        0x3C8E5A50D5C192AC, 0x3FEF69E603DB3285, 0x3C843A59AC016B4B, 0x3FEF7321F301B460,
        0xBC82D52107B43E1F, 0x3FEF7C97337B9B5F, 0xBC892AB93B470DC9, 0x3FEF864614F5A129,
        0x3C74B604603A88D3, 0x3FEF902EE78B3FF6, 0x3C83C5EC519D7271, 0x3FEF9A51FBC74C83,
        0xBC8FF7128FD391F0, 0x3FEFA4AFA2A490DA, 0xBC8DAE98E223747D, 0x3FEFAF482D8E67F1,
        0x3C8EC3BC41AA2008, 0x3FEFBA1BEE615A27, 0x3C842B94C3A9EB32, 0x3FEFC52B376BBA97,
        0x3C8A64A931D185EE, 0x3FEFD0765B6E4540, 0xBC8E37BAE43BE3ED, 0x3FEFDBFDAD9CBE14,
        0x3C77893B4D91CD9D, 0x3FEFE7C1819E90D8, 0x3C5305C14160CC89, 0x3FEFF3C22B8F71F1,
    ];
}
