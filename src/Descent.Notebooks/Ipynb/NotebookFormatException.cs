namespace Descent.Notebooks.Ipynb;

/// <summary>A file that is not a readable Jupyter notebook (nbformat 4), with a message that says why.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookFormatException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
