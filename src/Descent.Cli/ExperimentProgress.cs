using System.Diagnostics;
using System.Globalization;

namespace Descent.Cli;

/// <summary>How <c>descent experiment run</c> shows its progress.</summary>
internal enum ProgressMode
{
    /// <summary><c>--quiet</c>: nothing.</summary>
    None,

    /// <summary>Standard output or error is redirected (a file, a pipe, a CI log): whole lines, at most one per 10 % or 10 s.</summary>
    Lines,

    /// <summary>A terminal: a live Spectre.Console progress bar on standard error.</summary>
    Live,
}

/// <summary>
/// Progress as whole lines, for logs: <c>name: 30 % after 4.2 s</c> each time a new tenth is reached, or after 10 s
/// without a line, and once at the end. Never a carriage return, so a log file gets readable lines, not fragments.
/// Thread-safe; reports arrive synchronously from the experiment's thread.
/// </summary>
internal sealed class LineProgress : IProgress<double>
{
    /// <summary>The longest time between two lines while the experiment reports progress.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly string _name;
    private readonly TextWriter _writer;
    private readonly Func<TimeSpan> _clock;
    private readonly object _gate = new();
    private int _lastTenth = -1;
    private TimeSpan _lastLine;
    private double _last = double.NaN;

    /// <summary>Creates the reporter; <paramref name="clock"/> (elapsed time since the start) is a stopwatch by default.</summary>
    public LineProgress(string name, TextWriter writer, Func<TimeSpan>? clock = null)
    {
        _name = name;
        _writer = writer;
        if (clock is null)
        {
            var stopwatch = Stopwatch.StartNew();
            clock = () => stopwatch.Elapsed;
        }

        _clock = clock;
        _lastLine = _clock();
    }

    /// <inheritdoc />
    public void Report(double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        value = Math.Clamp(value, 0, 1);
        lock (_gate)
        {
            _last = value;
            var now = _clock();
            var tenth = (int)Math.Floor(value * 10 + 1e-9);
            if (tenth > _lastTenth || now - _lastLine >= Interval)
            {
                Write(value, now);
                _lastTenth = Math.Max(_lastTenth, tenth);
            }
        }
    }

    /// <summary>Writes the closing line (<c>100 %</c>) unless the last line already said so.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_lastTenth < 10)
            {
                Write(1, _clock());
                _lastTenth = 10;
            }
        }
    }

    /// <summary>The last value reported (NaN before the first).</summary>
    public double Last => _last;

    private void Write(double value, TimeSpan now)
    {
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_name}: {value * 100:0} % after {now.TotalSeconds:0.0} s"));
        _writer.Flush();
        _lastLine = now;
    }
}
