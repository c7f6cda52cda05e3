namespace Descent.Notebooks;

/// <summary>One output of a cell, in Jupyter's vocabulary: a stream, a display, a result or an error.</summary>
public abstract record CellOutput;
