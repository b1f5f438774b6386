"""Multinomial logistic regression over the fallback's features (numpy training on sparse rows, plain weights)."""
from __future__ import annotations

from collections import Counter

import numpy as np
from status_learned_model import CLASSES, features


class LR:
    def __init__(self, pairs, *, min_count=2, l2=1.0, steps=150, lr=5.0):
        pairs = list(pairs)
        feats = [features(t) for t, _ in pairs]
        df = Counter(f for c in feats for f in c)
        vocab = sorted(f for f, n in df.items() if n >= min_count)
        index = {f: i for i, f in enumerate(vocab)}
        rows, cols, vals = [], [], []
        for i, c in enumerate(feats):
            js = sorted(index[f] for f in c if f in index) + [len(vocab)]
            w = 1.0 / max(1.0, np.sqrt(len(js) - 1))
            rows += [i] * len(js)
            cols += js
            vals += [w] * (len(js) - 1) + [1.0]
        r, c, v = np.array(rows), np.array(cols), np.array(vals)[:, None]
        n, d = len(pairs), len(vocab) + 1
        Y = np.eye(len(CLASSES))[[CLASSES.index(lab) for _, lab in pairs]]
        W = np.zeros((d, len(CLASSES)))
        row_starts = np.searchsorted(r, np.arange(n))
        by_col = np.argsort(c, kind="stable")
        c_sorted = c[by_col]
        used = np.unique(c_sorted)
        col_starts = np.searchsorted(c_sorted, used)
        for _ in range(steps):
            Z = np.add.reduceat(v * W[c], row_starts, axis=0)
            Z -= Z.max(axis=1, keepdims=True)
            P = np.exp(Z)
            P /= P.sum(axis=1, keepdims=True)
            G = np.zeros_like(W)
            G[used] = np.add.reduceat((v * (P - Y)[r])[by_col], col_starts, axis=0)
            W -= lr * (G / n + (l2 / n) * W)
        self.index, self.W = index, W

    def posterior(self, text):
        idx = [self.index[f] for f in features(text) if f in self.index]
        z = self.W[idx].sum(axis=0) / max(1.0, np.sqrt(len(idx))) + self.W[-1]
        z -= z.max()
        p = np.exp(z)
        p /= p.sum()
        return {k: float(p[i]) for i, k in enumerate(CLASSES)}
