from newsbrief.evaluation.metrics import PRF, iou, length, match_greedy, overlap, trim_span


def test_metrics_prf_counts():
    prf = PRF()
    prf.add(matched=3, n_pred=4, n_gold=6)
    assert prf.precision == 0.75
    assert prf.recall == 0.5
    assert abs(prf.f1 - 0.6) < 1e-9
    assert PRF().f1 == 0.0


def test_metrics_overlap_discontinuous():
    a = ((0, 10), (20, 30))
    b = ((5, 25),)
    assert length(a) == 20
    assert overlap(a, b) == 10


def test_metrics_match_greedy_best_overlap_first():
    # Gold: a long clause and a short partial quote inside it; predictions the same.
    gold = [((0, 100),), ((40, 50),)]
    pred = [((40, 50),), ((0, 98),)]
    pairs = match_greedy(gold, pred, lambda g, p, ov: True)
    assert pairs == [(0, 1), (1, 0)]


def test_metrics_match_greedy_one_to_one():
    gold = [((0, 10),)]
    pred = [((0, 10),), ((2, 8),)]
    assert match_greedy(gold, pred, lambda g, p, ov: True) == [(0, 0)]


def test_metrics_prf_counts_sides_apart():
    prf = PRF()
    prf.add_counts(matched_pred=1, matched_gold=3, n_pred=2, n_gold=4)
    assert prf.precision == 0.5 and prf.recall == 0.75


def test_metrics_trim_span_and_iou():
    text = ' "Yes, we will." '
    start, end = trim_span(text, 0, len(text))
    assert text[start:end] == "Yes, we will"
    assert trim_span('"."', 0, 3) == (0, 0)
    assert iou((0, 10), (5, 15)) == 5 / 15
    assert iou((0, 10), (10, 20)) == 0.0
    assert iou((0, 0), (0, 5)) == 0.0
