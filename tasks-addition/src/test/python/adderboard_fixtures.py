"""Writes the test fixtures that AdderBoardTest and PythonRandomTest compare Java's draws with.

The AdderBoard cases are built exactly as anadim/AdderBoard's verify.py builds them (SPEC.md
section 9): ten edge cases, then 10,000 pairs from random.Random(2025), per pair a = randint(0,
9_999_999_999), then b the same way. The other files draw from other seeds and digit counts, so
that Java's Mersenne Twister and Python's seeding and rejection sampling are checked on more than
one stream: a seed of 0, a seed longer than one 32-bit word, draws of fewer than 32 bits (3
digits) and of more than 32 (10 and 18 digits).

Run it from anywhere with python3 (standard library only); it rewrites the files next to the
tests, one pair per line, "a b" in decimal:

    python3 tasks-addition/src/test/python/adderboard_fixtures.py
"""

import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "threshold", "addition")

EDGE_CASES = [
    (0, 0),
    (0, 1),
    (9_999_999_999, 0),
    (9_999_999_999, 1),
    (9_999_999_999, 9_999_999_999),
    (5_000_000_000, 5_000_000_000),
    (1_111_111_111, 8_888_888_889),
    (1_234_567_890, 9_876_543_210),
    (9_999_999_999, 9_999_999_999),
    (1, 9_999_999_999),
]


def random_pairs(seed, count, digits):
    rng = random.Random(seed)
    top = 10 ** digits - 1
    pairs = []
    for _ in range(count):
        a = rng.randint(0, top)
        b = rng.randint(0, top)
        pairs.append((a, b))
    return pairs


def write(name, pairs):
    with open(os.path.join(OUT, name), "w", encoding="ascii", newline="\n") as f:
        for a, b in pairs:
            f.write(f"{a} {b}\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("adderboard-2025.txt", EDGE_CASES + random_pairs(2025, 10_000, 10))
    write("pairs-seed12345-digits10.txt", random_pairs(12345, 1_000, 10))
    write("pairs-seed0-digits18.txt", random_pairs(0, 300, 18))
    write("pairs-seed1099511627783-digits3.txt", random_pairs(2 ** 40 + 7, 300, 3))


if __name__ == "__main__":
    main()
