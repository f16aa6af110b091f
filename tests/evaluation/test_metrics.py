from newsbrief.evaluation.metrics import PRF, length, match_greedy, overlap


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
