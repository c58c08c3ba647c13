namespace ImageDsl.Training;

/// <summary>
/// The learning rate as a pure function of the step, so a resumed run continues the
/// schedule exactly where it stopped: the step count is all the state there is.
/// </summary>
internal static class LearningRates
{
    public static double At(TrainingOptions options, long step, long totalSteps, int batchesPerEpoch)
    {
        double peak = options.LearningRate;
        double progress = (double)step / Math.Max(1, totalSteps);
        switch (options.Schedule)
        {
            case LearningRateSchedule.Constant:
                return peak;
            case LearningRateSchedule.Step:
                return peak * Math.Pow(options.StepFactor, step / batchesPerEpoch / options.StepEpochs);
            case LearningRateSchedule.OneCycle:
            {
                const double rise = 0.3, startFactor = 1.0 / 25, endFactor = startFactor / 1e4;
                if (progress < rise) return peak * (startFactor + (1 - startFactor) * (1 - Math.Cos(Math.PI * progress / rise)) / 2);
                double t = (progress - rise) / (1 - rise);
                return peak * (endFactor + (1 - endFactor) * (1 + Math.Cos(Math.PI * t)) / 2);
            }
            default:
            {
                long warmup = Math.Min(300, totalSteps / 10);
                if (step < warmup) return peak * (step + 1) / warmup;
                double t = (double)(step - warmup) / Math.Max(1, totalSteps - warmup);
                return peak * (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * t)));
            }
        }
    }
}
