namespace Descent.Race;

/// <summary>RNN rows: filled in when Descent.Models has the RNN.</summary>
internal static class RnnRows
{
    public static IEnumerable<RaceRow> Run(int[] lengths)
    {
        _ = lengths;
        Console.Error.WriteLine("rnn: Descent.Models has no RNN yet; rows skipped");
        yield break;
    }
}
