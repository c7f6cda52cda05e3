namespace Descent.Race;

/// <summary>Safran–Shamir rows: filled in when Descent.Models has the teacher–student network.</summary>
internal static class SafranShamirRows
{
    public static IEnumerable<RaceRow> Run()
    {
        Console.Error.WriteLine("ss: Descent.Models has no teacher–student network yet; row skipped");
        yield break;
    }
}
