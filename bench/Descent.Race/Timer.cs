using System.Diagnostics;

namespace Descent.Race;

/// <summary>The timing rule shared with bench/torch_race.py (keep the two in step).</summary>
internal static class Timer
{
    /// <summary>Median seconds per call: warm-up calls for ≥ <paramref name="warmUpSeconds"/> (at least two), then k
    /// calls per round with k chosen from the warm per-call time so that a round takes ≥ <paramref name="minRoundSeconds"/>,
    /// <paramref name="rounds"/> rounds (fewer when slow). The warm-up is timed, not fixed in calls: .NET compiles a method
    /// first quickly, then again optimized after ≈ 30 calls and a 100 ms pause, so a rule of two warm-up calls (and k from
    /// the first, compiling call) timed partly unoptimized code. torch_race.py warms up the same way.</summary>
    public static double Measure(Action op, double minRoundSeconds = 0.2, int rounds = 7, double maxSeconds = 20.0, double warmUpSeconds = 1.0)
    {
        var sw = Stopwatch.StartNew();
        int calls = 0;
        while (calls < 2 || sw.Elapsed.TotalSeconds < warmUpSeconds)
        {
            op();
            calls++;
        }

        sw.Restart();
        op();
        double perCall = Math.Max(sw.Elapsed.TotalSeconds, 1e-9);
        int k = Math.Max(1, (int)(minRoundSeconds / perCall));
        if (perCall * k * rounds > maxSeconds)
        {
            rounds = Math.Max(3, (int)(maxSeconds / (perCall * k)));
        }

        var times = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            sw.Restart();
            for (int i = 0; i < k; i++)
            {
                op();
            }

            times[r] = sw.Elapsed.TotalSeconds / k;
        }
        Array.Sort(times);
        return times[rounds / 2];
    }

    /// <summary>Seconds for one call (for rows that take seconds, where warm-up is noise).</summary>
    public static double Once(Action op)
    {
        var sw = Stopwatch.StartNew();
        op();
        return sw.Elapsed.TotalSeconds;
    }
}
