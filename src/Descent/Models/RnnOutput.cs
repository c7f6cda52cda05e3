namespace Descent.Models;

/// <summary>Where a recurrent network reads its output and takes its loss.</summary>
public enum RnnOutput
{
    /// <summary>One output o = V h_T + c from the last hidden state; loss (1/N) Σₙ ℓ(oₙ, yₙ).</summary>
    FinalStep,

    /// <summary>An output o_t = V h_t + c at every step; loss (1/(N·T)) Σₙ Σₜ ℓ(oₙₜ, yₙₜ).</summary>
    EveryStep,
}
