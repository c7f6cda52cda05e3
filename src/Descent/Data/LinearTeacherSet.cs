using MathNet.Numerics.LinearAlgebra;

namespace Descent.Data;

/// <summary>Data from a linear teacher y = W x + ε, together with the teacher W and the noise level.</summary>
/// <param name="Data">Inputs x (rows) and targets y (rows).</param>
/// <param name="Teacher">W, outputs × inputs.</param>
/// <param name="Noise">Standard deviation σ of each noise entry ε ~ N(0, σ²).</param>
public sealed record LinearTeacherSet(Dataset Data, Matrix<double> Teacher, double Noise)
{
    /// <inheritdoc />
    public override string ToString() => $"{Data}; teacher W {Teacher.RowCount} × {Teacher.ColumnCount}, noise σ = {Noise}";
}
