package io.huaxiang.model.pipeline;

import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.regression.LogisticFit;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.model.selection.SelectionResult;
import java.util.List;

/**
 * The outcome of training: the scorecard and what led to it.
 *
 * @param model the scorecard (save it with {@link ScorecardModel#save})
 * @param binnings bins of every candidate feature, selected or not
 * @param selection selected features and the decision log
 * @param fit the final logistic regression on WoE inputs
 * @param train evaluation on the training rows
 */
public record TrainedScorecard(
    ScorecardModel model,
    List<FeatureBinning> binnings,
    SelectionResult selection,
    LogisticFit fit,
    Evaluation train) {}
