namespace Descent.Experiments;

/// <summary>
/// The published values of Safran &amp; Shamir (2018), "Spurious Local Minima are Common in Two-Layer ReLU Neural
/// Networks", arXiv:1712.08968, Tables 1 and 2, as reproduced in Yarotsky, "Optimization of neural networks" (Yarotsky's lecture). They are the
/// reference our runs are compared with — typed from the paper, not computed here.
/// </summary>
public static class SafranShamirPaper
{
    /// <summary>Table 1 (n = k) and Table 2 (n = k + 1), in that order.</summary>
    public static IReadOnlyList<SafranShamirPublishedRow> Rows { get; } =
    [
        new(6, 6, 0.3, 0.0047, 0.025),
        new(7, 7, 5.5, 0.014, 0.023),
        new(8, 8, 12.6, 0.021, 0.021),
        new(9, 9, 21.8, 0.027, 0.02),
        new(10, 10, 34.6, 0.03, 0.022),
        new(11, 11, 45.5, 0.034, 0.022),
        new(12, 12, 58.5, 0.035, 0.021),
        new(13, 13, 73, 0.037, 0.022),
        new(14, 14, 73.6, 0.038, 0.023),
        new(15, 15, 80.3, 0.038, 0.024),
        new(16, 16, 85.1, 0.038, 0.027),
        new(17, 17, 89.7, 0.039, 0.027),
        new(18, 18, 90, 0.039, 0.029),
        new(19, 19, 93.4, 0.038, 0.031),
        new(20, 20, 94, 0.038, 0.033),
        new(8, 9, 0.1, 0.0059, 0.021),
        new(10, 11, 0.1, 0.0057, 0.018),
        new(11, 12, 0.1, 0.0056, 0.017),
        new(12, 13, 0.3, 0.0054, 0.016),
        new(13, 14, 1.5, 0.0015, 0.038),
        new(14, 15, 5.5, 0.002, 0.033),
        new(15, 16, 10.1, 0.004, 0.032),
        new(16, 17, 18, 0.0055, 0.031),
        new(17, 18, 20.9, 0.007, 0.031),
        new(18, 19, 36.9, 0.0064, 0.028),
        new(19, 20, 49.1, 0.0077, 0.027),
    ];

    /// <summary>The published row for (k, n), or null when the paper lists none (for n = k + 1 the tables list
    /// k = 8 and 10 … 19 only).</summary>
    public static SafranShamirPublishedRow? Find(int k, int n) => Rows.FirstOrDefault(r => r.K == k && r.N == n);
}
