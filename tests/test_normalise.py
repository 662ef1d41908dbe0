"""Text normalisation: similarity of long texts."""
import random

from rapidfuzz import fuzz

from tracker.normalise import similarity


def test_similarity_of_long_texts_trimmed_of_their_common_head_and_tail_is_exact():
    rng = random.Random(7)
    for _ in range(300):
        a = "".join(rng.choice("甲乙丙丁戊") for _ in range(rng.randint(2000, 4000)))
        b = list(a)
        for _ in range(rng.randint(0, 4)):
            b[rng.randrange(len(b))] = rng.choice("甲乙丙丁戊己")
        b = "".join(b) + a[: rng.randint(0, 50)]
        assert abs(similarity(a, b) - fuzz.ratio(a, b) / 100) < 1e-9
