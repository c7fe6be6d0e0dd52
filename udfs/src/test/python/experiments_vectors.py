#!/usr/bin/env python3
"""Writes the reference vectors of the experiment functions (contract section "Experiments and
uncertainty"): udfs/src/test/resources/experiments/reference-vectors.tsv.

    python3 udfs/src/test/python/experiments_vectors.py [OUTPUT]

(OUTPUT defaults to the committed file; ReferenceVectorsTest writes elsewhere and compares.)

Every expected value is computed here, independently of kpi-sql's code, from the definitions:

- rate_interval: scipy.stats.binomtest(k, n).proportion_ci(method='wilson'); where scipy's
  centre-minus-half-width form cancels (a lower bound of 1e-7), the 50-digit value of the same
  formula (mpmath) is written instead, and the script checks that the two agree to 1e-9.
- two_proportion_z_test: scipy.stats.chi2_contingency(correction=False) on the 2x2 table (z is the
  signed square root of chi-square), scipy.stats.norm for one-sided tails and the quantile of the
  unpooled Wald interval; the two-sided p-value of z is checked against chi2_contingency's.
- welch_t_test: scipy.stats.ttest_ind(treatment, control, equal_var=False, alternative=...) and its
  confidence_interval(); the moments are also computed exactly (fractions.Fraction over the
  doubles) and t, df and the p-value at 50 digits (mpmath); where the values share a large offset
  (1e9), scipy's own means lose digits, so the exact values are written.
- welch_t_test_from_stats: scipy.stats.ttest_ind_from_stats(equal_var=False), df by the
  Welch-Satterthwaite formula, the interval with scipy.stats.t.isf.
- nps_difference_test: each answer scored +1/0/-1 with numpy; variance np.var(ddof=0) per arm,
  z = difference / SE against scipy.stats.norm.
- srm_test: scipy.stats.chisquare(f_obs, f_exp).

Published numbers checked on the way (a vector whose value disagrees fails this script):
ClickHouse's welchTTest documentation and its test 01322_welch_ttest (the Rosetta Code data),
ClickHouse's test 02158_proportions_ztest (its interval; its z is unpooled, ours pooled) and
GrowthBook's check_srm test. kpi-sql deliberately differs from ClickHouse in NULL rather than NaN
for a test without data and in percent for rates and differences.

Format, one vector per line, tab-separated:
  function  arguments  title  tolerance  rows  expected
rows: ';'-separated rows of ','-separated values ('text', 12 a BIGINT, 1.5 or 1e-05 a DOUBLE,
true/false, NULL); "40*" before a row repeats it 40 times.
expected: NULL, or field=value pairs joined by '|', a value NULL or a number.
"""

import math
import random
from fractions import Fraction
from pathlib import Path

import mpmath
import numpy as np
from scipy import stats

mpmath.mp.dps = 50
OUT = Path(__file__).resolve().parents[1] / "resources" / "experiments" / "reference-vectors.tsv"
vectors = []


# ---- helpers -----------------------------------------------------------------------------------

def value(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        text = repr(v)
        return text if ("." in text or "e" in text or "n" in text) else text + ".0"
    if isinstance(v, str):
        assert not any(c in v for c in ",;\t'|"), v
        return "'" + v + "'"
    raise TypeError(v)


def number(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    v = float(v)
    assert math.isfinite(v), v
    return repr(v)


def emit(function, arguments, title, rows, expected, tolerance=1e-12):
    """rows: list of (count, tuple of values); expected: None or a list of (field, value)."""
    assert "\t" not in title
    text = ";".join((f"{count}*" if count != 1 else "") + ",".join(value(v) for v in row) for count, row in rows)
    answer = "NULL" if expected is None else "|".join(f"{name}={number(v)}" for name, v in expected)
    vectors.append("\t".join([function, str(arguments), title, repr(tolerance), text, answer]))


def close(a, b, tolerance):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)


def quantile(confidence):
    return stats.norm.isf((1 - confidence) / 2)


def tails(z, alternative, distribution=stats.norm):
    if alternative == "two-sided":
        return min(1.0, 2 * distribution.sf(abs(z)))
    if alternative == "greater":
        return distribution.sf(z)
    return distribution.sf(-z)


def parameters(confidence, alternative):
    """The trailing arguments of an overload: none, the confidence, or both."""
    if alternative is not None:
        return (confidence, alternative)
    if confidence is not None:
        return (confidence,)
    return ()


# ---- rate_interval --------------------------------------------------------------------------------

def wilson_mp(k, n, confidence):
    z = mpmath.mpf(quantile(confidence))
    k, n = mpmath.mpf(k), mpmath.mpf(n)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * mpmath.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def wilson(k, n, confidence):
    interval = stats.binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    low, high = wilson_mp(k, n, confidence)
    lower = 0.0 if k == 0 else float(low)
    upper = 1.0 if k == n else float(high)
    # scipy agrees with the 50-digit value, to its own cancellation
    assert abs(interval.low - lower) <= 1e-15 + 1e-9 * lower, (k, n, interval.low, lower)
    assert abs(interval.high - upper) <= 1e-15 + 1e-9 * upper, (k, n, interval.high, upper)
    return [("rate", 100 * k / n), ("lower", 100 * lower), ("upper", 100 * upper)]


def rate_interval_vectors():
    cases = [(0, 10, None), (10, 10, None), (3, 5, None), (1250, 1310, None), (37, 400, 0.8),
             (1, 4000, 0.99), (3999, 4000, 0.999999), (7, 9, 0.5), (5000, 10000, None)]
    for k, n, confidence in cases:
        title = f"{k} of {n}" + ("" if confidence is None else f" at {confidence}")
        expected = wilson(k, n, 0.95 if confidence is None else confidence)
        extra = parameters(confidence, None)
        rows = [(count, (flag,) + extra) for count, flag in [(k, True), (n - k, False)] if count]
        emit("rate_interval", 1 + len(extra), title, rows, expected)
        emit("rate_interval_from_counts", 2 + len(extra), title, [(1, (k, n) + extra)], expected)
    for k, n, confidence in [(1, 10**12, None), (10**12 - 1, 10**12, None), (0, 1, 0.9), (123456789, 987654321, 0.95)]:
        extra = parameters(confidence, None)
        emit("rate_interval_from_counts", 2 + len(extra), f"{k} of {n}", [(1, (k, n) + extra)], wilson(k, n, 0.95 if confidence is None else confidence))
    emit("rate_interval_from_counts", 2, "no trials: NULL", [(1, (0, 0))], None)


# ---- two_proportion_z_test ---------------------------------------------------------------------------

def z_test(kc, nc, kt, nt, confidence=0.95, alternative="two-sided"):
    pc, pt = kc / nc, kt / nt
    difference = pt - pc
    pooled = (kc + kt) / (nc + nt)
    se0 = math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt))
    z = p = None
    if se0 > 0:
        chi2, p_two, _, _ = stats.chi2_contingency([[kc, nc - kc], [kt, nt - kt]], correction=False)
        z = math.copysign(math.sqrt(chi2), difference)
        assert close(z, difference / se0, 1e-12), (z, difference / se0)
        p = tails(z, alternative)
        if alternative == "two-sided" and p_two > 1e-290:
            assert close(p, p_two, 1e-10), (p, p_two)
    se1 = math.sqrt(pc * (1 - pc) / nc + pt * (1 - pt) / nt)
    lower = upper = None
    if se1 > 0:
        margin = quantile(confidence) * se1
        lower, upper = 100 * (difference - margin), 100 * (difference + margin)
    return [("rate_control", 100 * pc), ("rate_treatment", 100 * pt), ("difference", 100 * difference),
            ("z", z), ("p_value", p), ("lower", lower), ("upper", upper)]


def z_rows(kc, nc, kt, nt, control, treatment, extra):
    rows = []
    for k, n, variant in [(kc, nc, control), (kt, nt, treatment)]:
        if k:
            rows.append((k, (True, variant, control) + extra))
        if n - k:
            rows.append((n - k, (False, variant, control) + extra))
    return rows


def z_test_vectors():
    # ClickHouse 02158_proportions_ztest: proportionsZTest(10, 11, 100, 101, 0.95, 'unpooled') has the
    # interval (-0.09345975390115283, 0.07563797172293502) of x - y; ours is y - x in percent points
    clickhouse = dict(z_test(10, 100, 11, 101))
    assert close(clickhouse["lower"], -100 * 0.07563797172293502, 1e-12) and close(clickhouse["upper"], 100 * 0.09345975390115283, 1e-12)
    cases = [
        ("ClickHouse 02158: 10 of 100 against 11 of 101", 10, 100, 11, 101, "control", "treatment", None, None),
        ("no conversions in control (ClickHouse: NaN)", 0, 100, 10, 100, "control", "treatment", None, None),
        ("no conversions at all: z, p and the interval NULL", 0, 50, 0, 60, "a", "b", None, None),
        ("every row converts: z, p and the interval NULL", 50, 50, 60, 60, "a", "b", None, None),
        ("none against all: z given, the interval NULL", 0, 40, 40, 40, "old", "new", None, None),
        ("the control sorts after the treatment", 30, 200, 45, 210, "b", "a", None, None),
        ("BIGINT variants", 120, 1000, 150, 1000, 1, 2, None, None),
        ("BOOLEAN variants, control FALSE", 120, 1000, 95, 1000, False, True, None, None),
        ("at 90 %", 45, 300, 60, 310, "control", "treatment", 0.9, None),
        ("greater", 45, 300, 60, 310, "control", "treatment", 0.95, "greater"),
        ("less", 45, 300, 60, 310, "control", "treatment", 0.95, "less"),
        ("less, the treatment better", 60, 300, 45, 310, "control", "treatment", 0.99, "less"),
        ("a tiny p-value: 10 % against 18 % of 10,000", 1000, 10000, 1800, 10000, "control", "treatment", None, None),
    ]
    for title, kc, nc, kt, nt, control, treatment, confidence, alternative in cases:
        extra = parameters(confidence, alternative)
        expected = z_test(kc, nc, kt, nt, 0.95 if confidence is None else confidence, alternative or "two-sided")
        emit("two_proportion_z_test", 3 + len(extra), title, z_rows(kc, nc, kt, nt, control, treatment, extra), expected)
        emit("two_proportion_z_test_from_counts", 4 + len(extra), title, [(1, (kc, nc, kt, nt) + extra)], expected)
    for title, kc, nc, kt, nt, confidence, alternative in [
        ("a p-value near 1e-290 stays above 0", 100000, 1000000, 115800, 1000000, None, None),
        ("a million each, greater", 100000, 1000000, 101000, 1000000, 0.95, "greater"),
        ("an empty control arm: NULL", 0, 0, 5, 10, None, None),
        ("an empty treatment arm: NULL", 5, 10, 0, 0, 0.9, None),
    ]:
        extra = parameters(confidence, alternative)
        expected = None if nc == 0 or nt == 0 else z_test(kc, nc, kt, nt, 0.95 if confidence is None else confidence, alternative or "two-sided")
        emit("two_proportion_z_test_from_counts", 4 + len(extra), title, [(1, (kc, nc, kt, nt) + extra)], expected)
    p = dict(z_test(100000, 1000000, 115800, 1000000))["p_value"]
    assert 1e-300 < p < 1e-280, p


# ---- welch_t_test -------------------------------------------------------------------------------------

def exact_moments(values):
    exact = [Fraction(v) for v in values]
    n = len(exact)
    mean = sum(exact) / n
    variance = sum((v - mean) ** 2 for v in exact) / (n - 1)
    return mean, variance, n


def welch_exact(control, treatment, confidence, alternative):
    mc, vc, nc = exact_moments(control)
    mt, vt, nt = exact_moments(treatment)
    a, b = vc / nc, vt / nt
    difference = mt - mc
    result = [("mean_control", float(mc)), ("mean_treatment", float(mt)), ("difference", float(difference))]
    if a + b == 0:
        return result + [("t", None), ("df", None), ("p_value", None), ("lower", None), ("upper", None)]
    se = mpmath.sqrt(mpmath.mpf(a.numerator) / a.denominator + mpmath.mpf(b.numerator) / b.denominator)
    d = mpmath.mpf(difference.numerator) / difference.denominator
    t = d / se
    df_exact = (a + b) ** 2 / (a * a / (nc - 1) + b * b / (nt - 1))
    df = mpmath.mpf(df_exact.numerator) / df_exact.denominator
    # Student's t tail S(t) = I_{df/(df+t^2)}(df/2, 1/2) / 2 for t > 0
    def survival(x):
        tail = mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, df / (df + x * x), regularized=True) / 2
        return tail if x > 0 else 1 - tail
    if alternative == "two-sided":
        p = min(mpmath.mpf(1), 2 * survival(abs(t))) if t != 0 else mpmath.mpf(1)
    elif alternative == "greater":
        p = survival(t) if t != 0 else mpmath.mpf(0.5)
    else:
        p = survival(-t) if t != 0 else mpmath.mpf(0.5)
    margin = stats.t.isf((1 - confidence) / 2, float(df)) * float(se)
    return result + [("t", float(t)), ("df", float(df)), ("p_value", float(p)),
                     ("lower", float(difference) - margin), ("upper", float(difference) + margin)]


def welch(control, treatment, confidence=0.95, alternative="two-sided", offset=False):
    expected = welch_exact(control, treatment, confidence, alternative)
    values = dict(expected)
    if values["t"] is not None:
        result = stats.ttest_ind(treatment, control, equal_var=False, alternative=alternative)
        # the contract's bounds are two-sided whatever the alternative (E3); scipy's follow it
        interval = stats.ttest_ind(treatment, control, equal_var=False).confidence_interval(confidence)
        # scipy agrees with the exact computation; with a 1e9 offset its means keep fewer digits
        tolerance = 1e-5 if offset else 1e-9
        assert close(result.statistic, values["t"], tolerance), (result.statistic, values["t"])
        assert close(result.df, values["df"], tolerance), (result.df, values["df"])
        assert close(result.pvalue, values["p_value"], tolerance * 100), (result.pvalue, values["p_value"])
        assert close(interval.low, values["lower"], tolerance) and close(interval.high, values["upper"], tolerance)
    return expected


def welch_rows(control, treatment, control_label, treatment_label, extra):
    return [(1, (v, control_label, control_label) + extra) for v in control] + [(1, (v, treatment_label, control_label) + extra) for v in treatment]


def welch_vectors():
    rng = random.Random(16)
    # ClickHouse's welchTTest documentation: sample 0 = x (our treatment), sample 1 = y (our control)
    doc = dict(welch([18.9, 20.3, 19.0], [20.3, 22.1, 21.9]))
    assert close(doc["t"], 2.7988719532211235, 1e-12) and close(doc["p_value"], 0.051807360348581945, 1e-10)
    assert close(doc["lower"], -0.026294346671631885, 1e-9) and close(doc["upper"], 4.092961013338302, 1e-12)
    # ClickHouse 01322_welch_ttest (Rosetta Code data): the published p-values
    rosetta = [
        ([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4],
         [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4], 0.021378001462867),
        ([30.02, 29.99, 30.11, 29.97, 30.01, 29.99], [29.89, 29.93, 29.72, 29.98, 30.02, 29.98], 0.090773324285671),
        ([0.010268, 0.000167, 0.000167], [0.159258, 0.136278, 0.122389], 0.00339907162713746),
    ]
    for left, right, published in rosetta:
        assert close(dict(welch(left, right))["p_value"], published, 1e-12), published

    offset = [1e9 + rng.gauss(0, 1) for _ in range(100)], [1e9 + 0.3 + rng.gauss(0, 1.2) for _ in range(120)]
    revenue_control = [round(math.exp(rng.gauss(2.5, 1.3)), 2) if rng.random() < 0.3 else 0.0 for _ in range(400)]
    revenue_treatment = [round(math.exp(rng.gauss(2.7, 1.3)), 2) if rng.random() < 0.32 else 0.0 for _ in range(420)]
    profit = [round(rng.gauss(-3, 10), 2) for _ in range(60)], [round(rng.gauss(1, 12), 2) for _ in range(70)]
    apart = [rng.gauss(10, 1) for _ in range(200)], [rng.gauss(15, 1) for _ in range(200)]
    cases = [
        ("ClickHouse docs: welchTTest on (20.3, 22.1, 21.9) and (18.9, 20.3, 19)", [18.9, 20.3, 19.0], [20.3, 22.1, 21.9], "control", "treatment", None, None, False),
        ("ClickHouse 01322: Rosetta Code data, 15 and 15", rosetta[0][1], rosetta[0][0], "control", "treatment", None, None, False),
        ("ClickHouse 01322: Rosetta Code data, 6 and 6", rosetta[1][1], rosetta[1][0], "control", "treatment", None, None, False),
        ("ClickHouse 01322: three and three", rosetta[2][1], rosetta[2][0], "control", "treatment", None, None, False),
        ("values near 1e9 (ClickHouse's raw moments lose every digit)", offset[0], offset[1], "control", "treatment", None, None, True),
        ("revenue per user, most of it zero", revenue_control, revenue_treatment, "control", "treatment", None, None, False),
        ("negative values: profit per order", profit[0], profit[1], "control", "treatment", 0.9, None, False),
        ("a constant control arm", [5.0, 5.0, 5.0, 5.0], [4.0, 6.5, 5.5, 7.0, 6.0], "a", "b", None, None, False),
        ("both arms constant: t, df, p and the interval NULL", [5.0, 5.0, 5.0], [7.0, 7.0], "a", "b", None, None, False),
        ("two rows each", [1.0, 2.0], [2.0, 4.0], "a", "b", None, None, False),
        ("BIGINT variants, greater", profit[0], profit[1], 0, 1, 0.95, "greater", False),
        ("BOOLEAN variants, less", profit[0], profit[1], False, True, 0.99, "less", False),
        ("a tiny p-value: means 10 and 15", apart[0], apart[1], "control", "treatment", None, None, False),
    ]
    for title, control, treatment, control_label, treatment_label, confidence, alternative, large_offset in cases:
        extra = parameters(confidence, alternative)
        expected = welch(control, treatment, 0.95 if confidence is None else confidence, alternative or "two-sided", offset=large_offset)
        emit("welch_t_test", 3 + len(extra), title, welch_rows(control, treatment, control_label, treatment_label, extra), expected)
    emit("welch_t_test", 3, "one row in the treatment arm: NULL", welch_rows([1.0, 2.0, 3.0], [4.0], "a", "b", ()), None)

    # from summary statistics
    for title, mc, vc, nc, mt, vt, nt, confidence, alternative in [
        ("revenue summaries", 12.5, 400.0, 5000, 13.1, 420.5, 5100, None, None),
        ("small arms", 20.0, 1.5, 3, 21.5, 2.25, 4, 0.9, None),
        ("greater", -1.0, 9.0, 40, 0.5, 16.0, 35, 0.95, "greater"),
        ("less", -1.0, 9.0, 40, 0.5, 16.0, 35, 0.95, "less"),
        ("one variance 0", 3.0, 0.0, 10, 3.5, 0.25, 12, None, None),
        ("a tiny p-value", 100.0, 25.0, 10000, 104.0, 30.0, 10000, None, None),
    ]:
        extra = parameters(confidence, alternative)
        conf = 0.95 if confidence is None else confidence
        result = stats.ttest_ind_from_stats(mt, math.sqrt(vt), nt, mc, math.sqrt(vc), nc, equal_var=False, alternative=alternative or "two-sided")
        a, b = vc / nc, vt / nt
        df = (a + b) ** 2 / (a * a / (nc - 1) + b * b / (nt - 1))
        se = math.sqrt(a + b)
        margin = stats.t.isf((1 - conf) / 2, df) * se
        d = mt - mc
        expected = [("mean_control", mc), ("mean_treatment", mt), ("difference", d), ("t", float(result.statistic)), ("df", df),
                    ("p_value", float(result.pvalue)), ("lower", d - margin), ("upper", d + margin)]
        emit("welch_t_test_from_stats", 6 + len(extra), title, [(1, (mc, vc, nc, mt, vt, nt) + extra)], expected, 1e-10)
    emit("welch_t_test_from_stats", 6, "one row in an arm: NULL", [(1, (1.0, 0.5, 1, 2.0, 0.5, 10))], None)
    emit("welch_t_test_from_stats", 7, "no variance in either arm: t, df, p and the interval NULL", [(1, (1.0, 0.0, 5, 2.0, 0.0, 6, 0.9))],
         [("mean_control", 1.0), ("mean_treatment", 2.0), ("difference", 1.0), ("t", None), ("df", None), ("p_value", None), ("lower", None), ("upper", None)])


# ---- nps_difference_test ---------------------------------------------------------------------------------

def nps_test(control, treatment, confidence=0.95, alternative="two-sided"):
    def scores(answers):
        return np.array([1 if a >= 9 else (0 if a >= 7 else -1) for a in answers], dtype=float)
    sc, st_ = scores(control), scores(treatment)
    nps_c, nps_t = 100 * sc.mean(), 100 * st_.mean()
    difference = nps_t - nps_c
    se = 100 * math.sqrt(np.var(sc) / len(sc) + np.var(st_) / len(st_))
    z = p = lower = upper = None
    if se > 0:
        z = difference / se
        p = tails(z, alternative)
        margin = quantile(confidence) * se
        lower, upper = difference - margin, difference + margin
    return [("nps_control", nps_c), ("nps_treatment", nps_t), ("difference", difference), ("z", z), ("p_value", p), ("lower", lower), ("upper", upper)]


def nps_rows(control, treatment, control_label, treatment_label, extra):
    rows = []
    for answers, label in [(control, control_label), (treatment, treatment_label)]:
        for score in range(11):
            count = answers.count(score)
            if count:
                rows.append((count, (score, label, control_label) + extra))
    return rows


def nps_vectors():
    rng = random.Random(1600)
    def survey(n, promoter, detractor):
        return [rng.choice([9, 10]) if x < promoter else (rng.choice([0, 3, 5, 6]) if x < promoter + detractor else rng.choice([7, 8]))
                for x in (rng.random() for _ in range(n))]
    control, treatment = survey(400, 0.45, 0.25), survey(420, 0.52, 0.2)
    cases = [
        ("400 and 420 answers", control, treatment, "control", "treatment", None, None),
        ("two answers each", [9, 3], [10, 7], "a", "b", None, None),
        ("every answer a promoter: z, p and the interval NULL", [9, 10, 10], [10, 9], "a", "b", None, None),
        ("one arm all promoters", [9, 10, 10, 9], [10, 3, 8, 9, 6], "a", "b", None, None),
        ("at 90 %", control, treatment, "control", "treatment", 0.9, None),
        ("greater", control, treatment, "control", "treatment", 0.95, "greater"),
        ("less, BIGINT variants", control, treatment, 1, 2, 0.95, "less"),
        ("BOOLEAN variants", treatment, control, False, True, None, None),
    ]
    for title, c, t, control_label, treatment_label, confidence, alternative in cases:
        extra = parameters(confidence, alternative)
        expected = nps_test(c, t, 0.95 if confidence is None else confidence, alternative or "two-sided")
        emit("nps_difference_test", 3 + len(extra), title, nps_rows(c, t, control_label, treatment_label, extra), expected)
    emit("nps_difference_test", 3, "one answer in the control arm: NULL", nps_rows([9], [9, 10, 3], "a", "b", ()), None)


# ---- srm_test -------------------------------------------------------------------------------------------

def srm(counts, shares):
    total = sum(counts)
    result = stats.chisquare(counts, [total * w for w in shares])
    return [("variants", len(counts)), ("chi_square", float(result.statistic)), ("p_value", float(result.pvalue))]


def srm_vectors():
    # GrowthBook gbstats test: check_srm([1000, 1200], [0.5, 0.5]) = 0.000020079
    assert abs(dict(srm([1000, 1200], [0.5, 0.5]))["p_value"] - 0.000020079) < 5e-10
    cases = [
        ("GrowthBook: 1,000 and 1,200 planned 50/50", ["control", "treatment"], [1000, 1200], [0.5, 0.5]),
        ("exactly as planned: p = 1", ["a", "b"], [500, 500], [0.5, 0.5]),
        ("three variants planned 50/25/25", ["a", "b", "c"], [5050, 2400, 2550], [0.5, 0.25, 0.25]),
        ("BIGINT variants planned 90/10", [1, 2], [9000, 1100], [0.9, 0.1]),
        ("BOOLEAN variants planned 80/20", [False, True], [8100, 1900], [0.8, 0.2]),
        ("a mismatch far beyond chance", ["a", "b"], [6000, 4000], [0.5, 0.5]),
    ]
    for title, variants, counts, shares in cases:
        emit("srm_test", 2, title, [(c, (v, w)) for v, c, w in zip(variants, counts, shares)], srm(counts, shares))
    emit("srm_test", 2, "one variant: NULL", [(10, ("a", 0.5))], None)


def main():
    import sys
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    rate_interval_vectors()
    z_test_vectors()
    welch_vectors()
    nps_vectors()
    srm_vectors()
    out.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Reference vectors of the experiment functions, written by udfs/src/test/python/experiments_vectors.py"
              " (scipy " + __import__("scipy").__version__ + ", numpy " + np.__version__ + ", mpmath " + mpmath.__version__ + "). Do not edit.\n"
              "# function\targuments\ttitle\ttolerance\trows\texpected\n")
    out.write_text(header + "\n".join(vectors) + "\n", encoding="utf-8")
    print(f"wrote {len(vectors)} vectors to {out}")


if __name__ == "__main__":
    main()
