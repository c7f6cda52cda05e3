namespace Descent.Experiments;

/// <summary>Training and validation curves of one run: the surrogate that was minimized and the 0-1 loss (error
/// rate) it stands in for, recorded at <see cref="Steps"/>.</summary>
/// <param name="Surrogate">The surrogate's name (<c>logistic</c> or <c>hinge</c>).</param>
/// <param name="Steps">Recorded steps (0 = the start).</param>
/// <param name="TrainSurrogate">Mean surrogate loss on the training set.</param>
/// <param name="TrainZeroOne">Training error rate.</param>
/// <param name="ValidationSurrogate">Mean surrogate loss on the validation set.</param>
/// <param name="ValidationZeroOne">Validation error rate.</param>
public sealed record LossCurves(string Surrogate, int[] Steps, double[] TrainSurrogate, double[] TrainZeroOne,
    double[] ValidationSurrogate, double[] ValidationZeroOne)
{
    /// <summary>Index (into <see cref="Steps"/>) of the lowest validation error, the earliest on ties: where early
    /// stopping on the validation 0-1 loss halts.</summary>
    public int BestValidationIndex
    {
        get
        {
            int best = 0;
            for (int i = 1; i < ValidationZeroOne.Length; i++)
                if (ValidationZeroOne[i] < ValidationZeroOne[best]) best = i;
            return best;
        }
    }

    /// <summary>The step where early stopping on validation error halts.</summary>
    public int EarlyStoppingStep => Steps[BestValidationIndex];

    /// <summary>
    /// Index where the training surrogate has flattened: the first record i with
    /// L(i) − L(end) ≤ 5 % · (L(0) − L(end)), i.e. 95 % of the whole decrease is done.
    /// </summary>
    public int SurrogateFlatIndex
    {
        get
        {
            double start = TrainSurrogate[0], end = TrainSurrogate[^1], total = start - end;
            for (int i = 0; i < TrainSurrogate.Length; i++)
                if (TrainSurrogate[i] - end <= 0.05 * total) return i;
            return TrainSurrogate.Length - 1;
        }
    }

    /// <summary>How much the training 0-1 loss still fell after the surrogate flattened:
    /// err(flat) − min over later records of err.</summary>
    public double TrainZeroOneFallAfterFlat
    {
        get
        {
            int flat = SurrogateFlatIndex;
            return TrainZeroOne[flat] - TrainZeroOne.Skip(flat).Min();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Surrogate}: train loss {TrainSurrogate[0]:0.###} → {TrainSurrogate[^1]:0.###}, train error {TrainZeroOne[0]:P1} → {TrainZeroOne[^1]:P1}, " +
        $"validation error {ValidationZeroOne[^1]:P1} (best {ValidationZeroOne[BestValidationIndex]:P1} at step {EarlyStoppingStep}); " +
        $"surrogate flat by step {Steps[SurrogateFlatIndex]}, train error still fell {TrainZeroOneFallAfterFlat:P1} after";
}
