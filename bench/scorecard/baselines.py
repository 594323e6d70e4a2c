#!/usr/bin/env python3
"""Python reference models on the shared splits, for the scorecard side-by-side bench.

Models (same definitions as shared/data/BASELINES.md):
  LR      L2 LogisticRegression(C=1) on one-hot categoricals + median-imputed, standardised numerics
  WoE-LR  tree binning (<= 6 leaves, >= 5 % per leaf, missing = own bin) -> WoE -> LogisticRegression
  XGB     xgboost hist, 400 trees, eta 0.05, depth 4, subsample/colsample 0.8
Prints one Markdown row per dataset and model: test AUC, test KS, fit seconds.
Needs Debian's python3-sklearn, python3-xgboost, python3-pandas.
"""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

DATASETS = [
    ("german_credit", "germancredit.csv", ",", "creditability", "bad", []),
    ("taiwan_default", "UCI_Credit_Card.csv", ",", "Y", 1, ["ID"]),
    ("bank_marketing", "bank-full.csv", ";", "y", "yes", ["duration"]),
    ("australian_credit", "australian.csv", ",", "A15", 1, []),
    ("lending_club", "lending_club.csv", ",", "Class", "bad", []),
]


def ks(y, p):
    fpr, tpr, _ = roc_curve(y, p)
    return float(np.max(np.abs(tpr - fpr)))


def woe_encode(train_x, train_y, test_x):
    """Tree binning per feature, then WoE (ln(bad share / good share), +0.5 smoothing)."""
    out_train, out_test = {}, {}
    for col in train_x.columns:
        xs, xt = train_x[col], test_x[col]
        if xs.dtype == object:
            rate = train_y.groupby(xs).mean()
            xs_num, xt_num = xs.map(rate).astype(float), xt.map(rate).astype(float)
        else:
            xs_num, xt_num = xs.astype(float), xt.astype(float)
        known = ~xs_num.isna()
        tree = DecisionTreeClassifier(max_leaf_nodes=6, min_samples_leaf=0.05, random_state=0)
        tree.fit(xs_num[known].to_frame(), train_y[known])
        leaf_s = pd.Series(-1, index=xs.index)
        leaf_s[known] = tree.apply(xs_num[known].to_frame())
        leaf_t = pd.Series(-1, index=xt.index)
        known_t = ~xt_num.isna()
        if known_t.any():
            leaf_t[known_t] = tree.apply(xt_num[known_t].to_frame())
        bads, goods = train_y.sum(), (1 - train_y).sum()
        stats = train_y.groupby(leaf_s).agg(["sum", "count"])
        woe = np.log(((stats["sum"] + 0.5) / bads) / ((stats["count"] - stats["sum"] + 0.5) / goods))
        out_train[col] = leaf_s.map(woe).fillna(0.0)
        out_test[col] = leaf_t.map(woe).fillna(0.0)
    return pd.DataFrame(out_train), pd.DataFrame(out_test)


def main(data_dir):
    import xgboost as xgb

    print("| dataset | model | test AUC | test KS | fit s |")
    print("|---|---|---|---|---|")
    for folder, file, sep, target, positive, drop in DATASETS:
        df = pd.read_csv(f"{data_dir}/{folder}/{file}", sep=sep)
        split = pd.read_csv(f"{data_dir}/{folder}/split.csv")
        y = (df[target] == positive).astype(int)
        x = df.drop(columns=[target] + drop)
        tr = split.loc[split.set == "train", "row_id"].values
        te = split.loc[split.set == "test", "row_id"].values
        xtr, xte, ytr, yte = x.iloc[tr], x.iloc[te], y.iloc[tr], y.iloc[te]
        cats = [c for c in x.columns if x[c].dtype == object]
        nums = [c for c in x.columns if c not in cats]

        t0 = time.perf_counter()
        pre = ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), nums),
            ("cat", OneHotEncoder(handle_unknown="ignore"), cats),
        ])
        lr = make_pipeline(pre, LogisticRegression(C=1.0, max_iter=2000)).fit(xtr, ytr)
        fit_lr = time.perf_counter() - t0
        p = lr.predict_proba(xte)[:, 1]
        print(f"| {folder} | LR | {roc_auc_score(yte, p):.4f} | {ks(yte, p):.4f} | {fit_lr:.2f} |")

        t0 = time.perf_counter()
        wtr, wte = woe_encode(xtr, ytr, xte)
        wlr = LogisticRegression(C=1.0, max_iter=2000).fit(wtr, ytr)
        fit_w = time.perf_counter() - t0
        p = wlr.predict_proba(wte)[:, 1]
        print(f"| {folder} | WoE-LR | {roc_auc_score(yte, p):.4f} | {ks(yte, p):.4f} | {fit_w:.2f} |")

        t0 = time.perf_counter()
        xtr_x, xte_x = xtr.copy(), xte.copy()
        for c in cats:
            xtr_x[c] = xtr_x[c].astype("category")
            xte_x[c] = pd.Categorical(xte_x[c], categories=xtr_x[c].cat.categories)
        model = xgb.XGBClassifier(
            n_estimators=400, learning_rate=0.05, max_depth=4, subsample=0.8,
            colsample_bytree=0.8, tree_method="hist", enable_categorical=True,
            n_jobs=2, random_state=42)
        model.fit(xtr_x, ytr)
        fit_x = time.perf_counter() - t0
        p = model.predict_proba(xte_x)[:, 1]
        print(f"| {folder} | XGB | {roc_auc_score(yte, p):.4f} | {ks(yte, p):.4f} | {fit_x:.2f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
