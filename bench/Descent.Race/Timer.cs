using System.Diagnostics;

namespace Descent.Race;

/// <summary>The timing rule shared with bench/torch_race.py (keep the two in step).</summary>
internal static class Timer
{
    /// <summary>Median seconds per call: two warm-up calls, then k calls per round with k chosen so that a
    /// round takes ≥ <paramref name="minRoundSeconds"/>, <paramref name="rounds"/> rounds (fewer when slow).</summary>
    public static double Measure(Action op, double minRoundSeconds = 0.2, int rounds = 7, double maxSeconds = 20.0)
    {
        var sw = Stopwatch.StartNew();
        op();
        double first = sw.Elapsed.TotalSeconds;
        op();
        double perCall = Math.Max(first, 1e-9);
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
