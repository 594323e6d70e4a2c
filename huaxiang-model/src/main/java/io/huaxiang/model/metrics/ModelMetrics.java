package io.huaxiang.model.metrics;

/**
 * Headline discrimination and calibration figures of a scorecard on one sample.
 *
 * @param rows rows scored
 * @param events rows with the positive outcome
 * @param auc AUC of the predicted probability
 * @param gini {@code 2 * auc - 1}
 * @param ks KS of the predicted probability
 * @param ksPoints the score (points) at which KS occurs
 * @param pointsAuc AUC of the integer points (higher points = safer)
 * @param brier Brier score of the predicted probability
 */
public record ModelMetrics(
    int rows,
    int events,
    double auc,
    double gini,
    double ks,
    double ksPoints,
    double pointsAuc,
    double brier) {

  /** Evaluates probabilities of the event and scorecard points (higher = safer). */
  public static ModelMetrics of(double[] pd, double[] points, int[] labels) {
    double auc = Auc.of(pd, labels);
    double[] negPoints = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      negPoints[i] = -points[i];
    }
    Ks ks = Ks.of(negPoints, labels);
    int events = 0;
    for (int l : labels) {
      events += l;
    }
    return new ModelMetrics(
        labels.length,
        events,
        auc,
        2 * auc - 1,
        Ks.of(pd, labels).value(),
        -ks.score(),
        Auc.of(negPoints, labels),
        Calibration.of(pd, labels, 10).brier());
  }
}
