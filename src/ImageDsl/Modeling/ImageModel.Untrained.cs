namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>
    /// Lets <c>Predict</c>, <c>Evaluate</c> and <see cref="ExportOnnx"/> run on a model that was
    /// neither trained nor loaded, that is on its random initial weights: to score an untrained
    /// baseline, say, or to check an export's plumbing. Off by default, and then they throw an
    /// <see cref="InvalidOperationException"/>, since what such a model outputs is noise that
    /// looks like a result.
    /// </summary>
    public bool AllowUntrained { get; set; }

    /// <summary>Throws unless the model was trained or loaded, or <see cref="AllowUntrained"/> is set.</summary>
    /// <param name="action">What was asked, as it reads after "cannot": "predict", "be evaluated"...</param>
    private void RequireTrained(string action)
    {
        if (IsTrained || AllowUntrained) return;
        throw new InvalidOperationException(
            $"{Spec.Name} has been neither trained nor loaded, so it cannot {action}: its weights are still the random initial ones. " +
            $"Call Train first, or load a saved model with {Spec.Name.Split('.')[^1]}.Model.Load(path). " +
            $"To use the initial weights on purpose (an untrained baseline, say), set {nameof(AllowUntrained)} = true.");
    }
}
