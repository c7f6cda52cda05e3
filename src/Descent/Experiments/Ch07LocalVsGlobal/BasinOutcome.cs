namespace Descent.Experiments;

/// <summary>Where gradient descent from one start of a <see cref="BasinMap"/> ended.</summary>
public enum BasinOutcome
{
    /// <summary>At the global minimum.</summary>
    Global = 0,

    /// <summary>At the local minimum behind the mountain (a worse basin).</summary>
    Local = 1,

    /// <summary>Still moving when the step budget ran out (a long detour).</summary>
    NotConverged = 2,
}
