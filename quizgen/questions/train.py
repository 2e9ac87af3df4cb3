"""Learning the quality model from ratings (needs the `train` extra: scikit-learn).

A logistic regression on standardised features, its regularisation chosen by cross-validation grouped
by article (GroupKFold: no article is both trained and tested on), so the figures say how the model
does on articles it has never seen. The serving threshold is the lowest estimate at which the
out-of-fold precision (the share of questions above it that raters accepted and found worth asking)
reaches the target.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.errors import QuizgenError
from quizgen.questions.features import FEATURES
from quizgen.questions.quality import QualityModel
from quizgen.questions.ratings import Rating

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
TARGET_PRECISION = 0.9
MIN_SERVED_SHARE = 0.05  # a threshold that serves almost nothing is no threshold
FALLBACK_SHARE = 0.2


@dataclass(frozen=True)
class Evaluation:
    auc: float
    threshold: float
    precision: float
    served_share: float
    by_format: dict[str, dict[str, float]]


def _sklearn():
    try:
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import roc_auc_score
        from sklearn.model_selection import GroupKFold
    except ImportError:  # pragma: no cover - the message is the point
        raise QuizgenError("training needs scikit-learn: pip install -e '.[train]'") from None
    return np, LogisticRegression, roc_auc_score, GroupKFold


def _matrix(rows: Sequence[Rating]):
    np = _sklearn()[0]
    x = np.array([[r.features.get(n, 0.0) for n in FEATURES] for r in rows], dtype=float)
    y = np.array([r.label for r in rows], dtype=int)
    groups = np.array([r.article for r in rows])
    return x, y, groups


def _standardise(x):
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def _fit(x, y, c: float):
    _, LogisticRegression, _, _ = _sklearn()
    mean, scale = _standardise(x)
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    model.fit((x - mean) / scale, y)
    return mean, scale, model


def out_of_fold(rows: Sequence[Rating], c: float):
    """Each rating's estimate from a model trained without its article."""
    np, _, _, GroupKFold = _sklearn()
    x, y, groups = _matrix(rows)
    pred = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=min(FOLDS, len(set(groups)))).split(x, y, groups):
        mean, scale, model = _fit(x[train], y[train], c)
        pred[test] = model.predict_proba((x[test] - mean) / scale)[:, 1]
    return pred, y


def threshold_for(pred, y, target: float = TARGET_PRECISION) -> tuple[float, float, float]:
    """(threshold, precision, share served): the lowest cut whose precision reaches the target; where no
    cut does, the cut of the best precision that still serves a fifth of the rated (the figures say so)."""
    order = sorted(range(len(pred)), key=lambda i: -pred[i])
    best: tuple[float, float, float] | None = None
    fallback = (1.0, 0.0, 0.0)
    good = 0
    for k, i in enumerate(order, 1):
        good += int(y[i])
        # only a cut between two different estimates can be chosen
        if k < len(order) and pred[order[k]] == pred[i]:
            continue
        precision, share = good / k, k / len(order)
        if precision >= target and share >= MIN_SERVED_SHARE:
            best = (float(pred[i]), precision, share)
        if share >= FALLBACK_SHARE and precision > fallback[1]:
            fallback = (float(pred[i]), precision, share)
    return best or fallback


def evaluate(rows: Sequence[Rating], c: float) -> Evaluation:
    _, _, roc_auc_score, _ = _sklearn()
    pred, y = out_of_fold(rows, c)
    auc = float(roc_auc_score(y, pred)) if 0 < y.sum() < len(y) else 0.5
    threshold, precision, share = threshold_for(pred, y)
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r, p, label in zip(rows, pred, y, strict=True):
        b = by[r.format]
        b[0] += 1
        if p >= threshold:
            b[1] += 1
            b[2] += int(label)
    by_format = {f: {"rated": n, "served": s, "precision": round(g / s, 3) if s else 0.0}
                 for f, (n, s, g) in sorted(by.items())}
    return Evaluation(round(auc, 3), round(threshold, 4), round(precision, 3), round(share, 3), by_format)


def train(rows: Sequence[Rating]) -> QualityModel:
    """The model fitted on all rows, with the regularisation and threshold chosen out of fold."""
    if len({r.article for r in rows}) < 2 or len({r.label for r in rows}) < 2:
        raise QuizgenError("training needs ratings of at least two articles, with both kinds of label")
    evaluations = {c: evaluate(rows, c) for c in C_GRID}
    c = max(C_GRID, key=lambda k: (evaluations[k].auc, -k))
    ev = evaluations[c]
    x, y, _ = _matrix(rows)
    mean, scale, model = _fit(x, y, c)
    meta = {
        "target": "acceptable and worth asking",
        "learner": "logistic regression (scikit-learn), L2, C chosen by grouped cross-validation",
        "C": c,
        "ratings": len(rows),
        "articles": len({r.article for r in rows}),
        "positives": int(y.sum()),
        "cv_auc": ev.auc,
        "cv_precision_at_threshold": ev.precision,
        "target_precision": TARGET_PRECISION,
        "cv_served_share": ev.served_share,
        "cv_by_format": ev.by_format,
        "sources": sorted({r.source for r in rows}),
    }
    return QualityModel(tuple(FEATURES), tuple(round(float(v), 6) for v in mean),
                        tuple(round(float(v), 6) for v in scale), tuple(round(float(v), 6) for v in model.coef_[0]),
                        round(float(model.intercept_[0]), 6), ev.threshold, meta)
