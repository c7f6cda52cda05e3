namespace Descent.Race;

/// <summary>One timed row: its id (shared with torch_race.py), seconds per call, and values that must agree with PyTorch.</summary>
internal sealed record RaceRow(string Row, double Seconds, Dictionary<string, double>? Check, string? Note = null);
