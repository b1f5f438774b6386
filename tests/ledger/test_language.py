"""The ledger's readers held to the figures they reach on real government language (issue 21)."""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

from archive.ledger.language import KINDS, READERS, expected, load, score
from crawler.extraction.info import info_block

ALL_READERS = {**READERS, "info_block": lambda row: info_block(row["text"]).value()}
#: each reader's value per row id, read once: the dev, held-out and whole floors and a fresh set's floor score the same
#: rows (the whole corpus is dev plus held-out), and a reader is a pure function of its row
_READ: dict[str, dict[str, object]] = {kind: {} for kind in ALL_READERS}


def _once(kind: str):
    """``ALL_READERS[kind]``, each row (by its id, unique per kind) read once in the session."""
    reader, read = ALL_READERS[kind], _READ[kind]

    def value(row: dict) -> object:
        if row["id"] not in read:
            read[row["id"]] = reader(row)
        return read[row["id"]]
    return value
#: (precision, recall) floors, measured 2026-12-06 on 653 rows (bench/ledger_language.py) after fresh set 4's forms were
#: fixed (a mirror's inline pinyin taken out where text enters each reader, times listed for past batches are no
#: deadline; set 4 is seen now).  Still unread: one held-out feedback row whose excerpt states only the day (14日上午,
#: 督查组…反馈): the month is on the page around it, not in the excerpt, so the reader rightly returns nothing.
#: feedback, task count, deadline and status count fresh sets 5 and 6 too (their forms fixed 2026-12-06, corpus README
#: "After sets 5 and 6 (status, counts, deadlines, feedback)"): dev then holds one feedback row whose excerpt states only
#: the day (5日,…督察组向湖南省反馈了…; its month is on the page, not in the excerpt: rightly unread).  Citation, inspection
#: and info block count sets 5 and 6 too ("After sets 5 and 6 (info blocks, citations, inspections)").
#: Fresh set 7 (harvest 12) is seen too since its dev forms were fixed (2026-12-06, corpus README "After set 7"): dev
#: then holds that feedback row and one deadline row (定期通报, a recurring duty: left unread, a held-out row of the set
#: labels the form otherwise), and the whole corpus those two and the held-out misses (counted, not listed: citation FN 1,
#: inspection FP 2 / FN 4, feedback FN 1, task count FN 1, deadline FP 2 / FN 2, status FP 2 / FN 4, info block FN 1).
#: Fresh set 8 (harvest 13) is seen for every kind since its dev forms were fixed (2026-12-06, corpus README "After set 8
#: (status, info block, inspection)" and "After set 8 (deadline, task count, feedback, citation)"): dev then holds one
#: feedback row (its month only on the page) and one deadline row (定期通报); the whole corpus and the held-out fifth count
#: set 8's held-out misses too (counted, not listed).  Set 8's held-out info-block FP lowers that whole precision floor
#: from 1.0 to 0.99 (the rows changed, not the reader).
#: Fresh set 9 (harvest 14) is seen for inspection and info block since their dev forms were fixed (2026-12-06, corpus
#: README "After set 9 (inspection, info block)"): dev then holds no miss of either; the whole corpus and the held-out
#: fifth count set 9's held-out misses (counted, not listed: inspection FP 2 / FN 1, info block FN 1), which lowers
#: floors — the rows changed, not the reader: whole inspection precision 0.99 → 0.98 and info-block recall 0.99 → 0.98,
#: held-out inspection 0.96 / 0.93 → 0.94 / 0.92 and info-block recall 0.95 → 0.93.
#: Fresh set 9 is seen for status and deadline since their dev forms were fixed (2026-12-06, corpus README "After set 9
#: (status, deadline)"): dev then holds one deadline row (定期通报, as before) and no status miss; the whole corpus and the
#: held-out fifth count set 9's held-out rows for the two (status 7 / 1 / 1, deadline 5 rows, 0 / 0 / 1).  The whole
#: status floor rises to 0.99 / 0.97 and its held-out one to 0.95 / 0.9; the held-out deadline recall floor falls from
#: 0.9 to 0.85: set 9's one held-out deadline positive, unread, joins the fifth (18 / 1 / 3; the rows changed, the older
#: fifth's count did not).
#: (sets 15 and 16 seen since the last round of 2026-12-06; totals over several provinces' plans, labelled both ways,
#: are null now — five older rows relabelled — and a total over two inspections' plans is the one task-count FP left;
#: sets 17 and 18 seen since the round on their dev rows, corpus README "After sets 17 and 18": their held-out rows
#: join the fifth, which lowers the status held-out floor to what it measures, 92 / 6 / 15; sets 19 and 20 seen
#: since the round on their dev rows, README "After sets 19 and 20": their held-out rows join the fifth — set 19's one
#: held-out citation FP and FN lower the citation floors — and info blocks' dev keeps two rows labelled as a garbled
#: mirror meant, not as written, and one 出处 label glued to a stray word; after the round on sets 26–28 one citation
#: (`整改问题(六)`, a class taken out for a heading's precision) and one deadline FP (a past result by a year) stay;
#: sets 29 and 30 seen since the round on their dev rows (README "A round on sets 29 and 30"): their held-out rows join
#: the fifth and the whole corpus — a citation FP and FN, a task-count FP, a deadline FP and two FNs, an inspection FN —
#: lowering the whole citation and task-count floors and the held-out citation, task-count, deadline and inspection
#: ones to what they measure: the rows changed, not the readers)
#: (sets 31–35 seen for every kind since the rounds on their dev rows, README "The round on sets 31–35 (r35a)" and
#: "(r35b)": their rows join these floors, set to what the readers measure — task count's dev precision 0.964, five
#: totals only the page scales, and its whole 0.925 with the sets' held-out rows; set 36 seen since the round on its
#: dev rows, README "The round on set 36 (r36)": its rows join, the whole status recall 0.959 (floor 0.96 → 0.95);
#: set 37 seen since the round on its dev rows, README "The round on set 37 (r37)": its rows join, no floor moves;
#: set 38 seen since the round on its dev rows, README "The round on set 38 (r38)": its rows join, dev status recall
#: 0.985 (917 / 6 / 14: the floor falls from 0.99 to 0.98, the set's 11 dev status misses left);
#: set 39 seen since the round on its dev rows, README "The round on set 39 (r39)": its rows join, dev status recall
#: 0.976 (950 / 6 / 23: 0.98 → 0.97, the set's 8 dev status misses left), task count precision 0.958 (136 / 6 / 0:
#: 0.96 → 0.95, the set's one FP joined), inspection precision 0.997 (1.0 → 0.99, the set's dev FPs joined); whole:
#: task count 0.916 (0.92 → 0.91), deadline 0.988 / 0.968 (0.99 / 0.97 → 0.98 / 0.96), status recall 0.947
#: (0.95 → 0.94), citation recall 0.937 (0.94 → 0.93), info block precision 0.989 (0.99 → 0.98), all from the set's
#: rows joining); set 40 seen since the round on its dev rows, README "The round on set 40 (r40)": its rows join, no
#: dev or whole floor moves (dev status 982 / 6 / 25, deadline 629 / 3 / 6, citation 101 / 0 / 2 after the round);
#: set 41 seen since the round on its dev rows, README "The round on set 41 (r41)": its rows join, dev deadline recall
#: 0.989 (638 / 3 / 7: 0.99 → 0.98, the set's one dev deadline miss left), dev citation recall 0.971 (102 / 0 / 3:
#: 0.98 → 0.97, the set's one dev citation miss left), whole citation recall 0.925 (124 / 3 / 10: 0.93 → 0.92), all
#: from the set's rows joining, none from the round; set 42 seen since the round on its dev rows, README "The round on
#: set 42 (r42)": its rows join, no floor falls; the round raises task count precision to 0.966 dev (144 / 5 / 0:
#: 0.95 → 0.96) and 0.929 whole (184 / 14 / 5: 0.91 → 0.92); set 43 seen since the round on its dev rows, README
#: "The round on set 43 (r43)": its rows join, no dev or whole floor moves (dev status 1038 / 4 / 24, deadline
#: 674 / 3 / 7; whole status 1265 / 24 / 72, deadline 825 / 10 / 30, task count 185 / 15 / 5 after the round); set 44
#: seen since the round on its dev rows, README "The round on set 44 (r44)": its rows join, no dev or whole floor falls
#: (dev deadline 695 / 3 / 7, status 1061 / 4 / 20, citation 106 / 0 / 3; whole deadline 851 / 12 / 32, status
#: 1293 / 24 / 68 after the round); set 45 seen since the round on its dev rows, README "The round on set 45 (r45)":
#: its rows join and whole status precision falls 0.98 → 0.97 (1309 / 30 / 80, 0.978, on 5eb92e0 with them joined;
#: 1314 / 27 / 75, 0.980, after the round), none from the round (dev deadline 726 / 3 / 8, status 1080 / 4 / 21 after it);
#: set 46 seen since the round on its dev rows, README "The round on set 46 (r46)": its rows join and dev info block
#: recall falls 0.99 → 0.98 (1017 / 11 / 12, 0.988, on de16361 with them joined; 1018 / 10 / 11, 0.989, after the
#: round), none from the round; set 61 seen since the rounds on its dev rows, README "Sets 62 and 63 measured blind
#: after the rounds on set 61": its rows join and dev status precision falls 0.99 → 0.98 (1384 / 14 / 41, 0.98999: the
#: set's dev rows add 10 / 2 / 13 as first read blind, and r61a's learned fallback was not wired in), none from the rounds;
#: set 62 seen since the round on its dev rows, README "The round on set 62 (r62s)": its rows join and dev status recall
#: falls 0.97 → 0.96 (1397 / 24 / 58, 0.960, on 99e9552 with them joined; 1403 / 20 / 52, 0.964, after the round), none
#: from the round
DEV_FLOOR = {"feedback": (1.0, 0.99), "status": (0.98, 0.96), "deadline": (0.99, 0.98), "inspection": (0.99, 0.99),
             "task_count": (0.96, 1.0), "info_block": (0.99, 0.98), "citation": (1.0, 0.97)}
#: set 48 seen since the round on its dev rows, README "The round on set 48 (r48)": its rows join and whole status recall
#: falls 0.94 → 0.93 (1382 / 41 / 98, 0.934, on a00d6e3 with them joined; 1391 / 33 / 89, 0.9399, after the round),
#: none from the round; set 59 seen since the rounds on its dev rows, README "Sets 60 and 61 measured blind after the
#: rounds on set 59": its rows join and whole task-count precision falls 0.92 → 0.91 (185 / 17 / 5, 0.916: the set's one
#: blind false positive, which r59b found no general cue to part from true counts), none from the rounds; set 62 seen
#: since the round on its dev rows, README "The round on set 62 (r62s)": its rows join and whole status precision and
#: recall fall 0.97 / 0.93 → 0.96 / 0.92 (1710 / 63 / 146, 0.964 / 0.921, on 99e9552 with them joined; 1716 / 58 / 140,
#: 0.967 / 0.925, after the round) and whole deadline recall 0.96 → 0.95 (1299 / 20 / 56, 0.959: set 62's first measure
#: held nine misses in 35 deadline positives; the round did not touch the deadline reader), none from the round
WHOLE_FLOOR = {"feedback": (1.0, 0.98), "task_count": (0.91, 0.97), "deadline": (0.98, 0.95), "status": (0.96, 0.92),
               "citation": (0.97, 0.92), "inspection": (0.99, 0.98), "info_block": (0.98, 0.98)}
#: the held-out fifth is small (about 12–60 positives per reader): its floor is 0.75 but where a reader was measured higher
#: (sets 11–28 seen since 2026-12-06: their held-out rows, new and harder, joined the fifth after each round on their
#: dev rows; after the round on sets 26–28 (README "After sets 26, 27 and 28"): feedback 39 / 0 / 2, task count
#: 36 / 6 / 5 (37 / 6 / 4 after the invariance round), deadline 88 / 1 / 11, status 147 / 8 / 19, inspection 221 / 3 / 9, info block 142 / 7 / 10, citation
#: 20 / 2 / 6; with sets 29 and 30's held-out rows, after the round on them: citation 20 / 3 / 7, task count 37 / 7 / 4,
#: deadline 97 / 2 / 13, inspection 233 / 3 / 10, status 159 / 8 / 19, info block 155 / 7 / 10, feedback 41 / 0 / 2;
#: with sets 31–35's held-out rows, after the rounds on their dev rows (README "The round on sets 31–35 (r35a)" and
#: "(r35b)"): status 181 / 12 / 29 (180 / 12 / 30 before: the status floor falls from 0.95 / 0.89 to what the fifth
#: measures, the rows joined, not the reader), deadline 125 / 3 / 15 (unchanged), citation 22 / 3 / 6, inspection
#: 259 / 3 / 11, feedback 44 / 0 / 2, task count 39 / 9 / 5 (precision 0.812, below the 0.84 before: the sets' held-out
#: rows, no reader change, moved it), info block 181 / 7 / 11; with set 36's held-out rows, after the round on its dev
#: rows (README "The round on set 36 (r36)"): status 187 / 14 / 36 (recall 0.839: the floor falls from 0.86 to 0.83,
#: the set's rows joined, unchanged by the round), deadline 129 / 3 / 16 (128 / 3 / 17 before the round; recall 0.890,
#: the floor falls from 0.89 to 0.88), task count 39 / 10 / 5 (precision 0.796: the set's one held-out FP, the floor
#: falls from 0.81 to 0.79), citation 22 / 3 / 6, inspection 263 / 3 / 13, feedback 44 / 0 / 2, info block
#: 186 / 7 / 11, all unchanged by the round); with set 37's held-out rows, after the round on its dev rows (README "The
#: round on set 37 (r37)"), all unchanged by the round: status 195 / 15 / 38 (precision 0.929: the set's held-out rows
#: joined, the floor falls from 0.93 to 0.92), deadline 132 / 3 / 16 (recall 0.892: the floor rises to 0.89), citation
#: 22 / 3 / 6 (unchanged, 0.87 / 0.77: this test leaves sets 9–14 out for citation, 21 / 3 / 6 here), inspection 268 / 3 / 13, feedback 44 / 0 / 2, task
#: count 39 / 10 / 5, info block 191 / 7 / 11; with set 38's held-out rows, after the round on its dev rows (README
#: "The round on set 38 (r38)"): feedback 45 / 0 / 3 (recall 0.938: the set's held-out miss joined, unchanged by the
#: round; the floor falls from 0.95 to 0.93), deadline 138 / 5 / 17 (precision 0.965, unchanged by the round: the floor
#: falls from 0.97 to 0.96), status 207 / 16 / 40 (206 / 15 / 41 before the round: one TP more, one FP more, one
#: FN fewer; the rows not seen), inspection 276 / 3 / 13, info block 197 / 7 / 11, task count
#: 39 / 10 / 5, citation 22 / 3 / 6, all unchanged by the round; with set 39's held-out rows, after the round on its
#: dev rows (README "The round on set 39 (r39)"), all unchanged by the round: **deadline 142 / 6 / 19 (0.959 / 0.882:
#: the set's held-out rows joined; the floor falls from 0.96 / 0.89 to 0.95 / 0.88)**, status 211 / 17 / 42,
#: inspection 277 / 4 / 14, info block 199 / 7 / 11, feedback 45 / 0 / 3, task count 39 / 10 / 5, citation 22 / 3 / 6;
#: with set 40's held-out rows, after the round on its dev rows (README "The round on set 40 (r40)"; this test's
#: selection): **deadline 145 / 8 / 22 before the round, 145 / 7 / 22 after (recall 0.868: the set's held-out rows
#: joined, not the round, lower the floor from 0.88 to 0.86; the round took one FP off)**, **status 214 / 17 / 45 before
#: and after (recall 0.826: the set's held-out rows joined; the floor falls from 0.83 to 0.82)**, citation 22 / 3 / 6,
#: inspection 278 / 4 / 14, info block 202 / 8 / 12, feedback 42 / 0 / 3, task count 39 / 10 / 5, all unchanged by
#: the round; with set 41's held-out rows, after the round on its dev rows (README "The round on set 41 (r41)"; this
#: test's selection), every line the same before and after the round: **citation 22 / 3 / 7 (recall 0.759: the set's
#: held-out rows joined, not the round, lower the floor from 0.77 to 0.75)**, deadline 147 / 7 / 22, status
#: 217 / 18 / 45, inspection 283 / 4 / 14, info block 204 / 8 / 12, feedback 42 / 0 / 3, task count 40 / 10 / 5;
#: with set 42's held-out rows, after the round on its dev rows (README "The round on set 42 (r42)"; this test's
#: selection): task count 40 / 10 / 5 before the round, **40 / 9 / 5 after (precision 0.816: the round took one
#: held-out FP off, a row of an older set no one read; the floor rises from 0.79 to 0.81)**, citation 22 / 3 / 7,
#: deadline 148 / 7 / 22, status 223 / 19 / 46, inspection 289 / 4 / 14, info block 211 / 8 / 12, feedback
#: 44 / 0 / 3, the same before and after the round; no held-out floor falls; with set 43's held-out rows, after the
#: round on its dev rows (README "The round on set 43 (r43)"; this test's selection), every line the same before and
#: after the round: **status 227 / 20 / 48 (precision 0.919: the set's held-out rows joined, not the round, lower the
#: floor from 0.92 to 0.91)**, deadline 151 / 7 / 23, citation 22 / 3 / 7, inspection 290 / 4 / 14, info block
#: 211 / 8 / 12, feedback 44 / 0 / 3, task count 40 / 9 / 5; with set 44's held-out rows, after the round on its dev
#: rows (README "The round on set 44 (r44)"; this test's selection), every line the same before and after the round:
#: **deadline 156 / 9 / 25 (precision 0.945: the set's held-out rows joined, not the round, lower the floor from 0.95
#: to 0.94)**, status 232 / 20 / 48, citation 22 / 3 / 7, inspection 291 / 4 / 14, info block 215 / 8 / 13, feedback
#: 44 / 0 / 3, task count 40 / 9 / 5
#: (set 45's held-out rows joining lowered status recall 0.82 → 0.81: 234 / 23 / 54, 0.8125, the same on 5eb92e0 with
#: them joined, the round moved no held-out status row)
#: (set 46's held-out rows joining lowered task count precision 0.81 → 0.80: 40 / 10 / 5, the same on de16361 with them
#: joined; the round moved no held-out task count row)
#: (set 47's held-out rows joining lowered inspection recall 0.95 → 0.94: 294 / 6 / 16, 0.948, the same on 043ddce with
#: them joined; the round on set 47 moved no held-out row)
#: (set 48's held-out rows joining lowered status precision 0.91 → 0.90: 251 / 27 / 59, 0.903, on a00d6e3 with them
#: joined; 252 / 26 / 58, 0.906, after the round on set 48)
#: (set 50's held-out rows joining lowered deadline recall 0.86 → 0.85, 190 / 11 / 31, 0.8597, and status recall
#: 0.81 → 0.80, 258 / 27 / 61, 0.809: the same on 48e0076 with them joined; the round on set 50 moved no held-out row)
#: (sets 51 and 52's held-out rows joining, after the rounds on set 52, lowered task count precision 0.80 → 0.78,
#: 41 / 11 / 5, 0.788, and info block precision and recall 0.96 / 0.94 → 0.95 / 0.93, 254 / 11 / 17, 0.958 / 0.937: the
#: same on a593380 with them joined;
#: the rounds on set 52 moved no held-out row of these two readers)
#: (set 53's held-out rows joining lowered deadline recall 0.85 → 0.84, 201 / 12 / 36, 0.848: the same on dcd5ab2 with
#: them joined; the round on set 53 moved no held-out row)
#: (set 60's held-out rows joining lowered deadline precision 0.94 → 0.93, 226 / 15 / 41, 0.938: its first measure held
#: two false positives in nine held-out rows; the round on set 60 moved one held-out row right, 225 / 15 / 42 before it)
#: (set 61's held-out rows joining lowered status precision and recall 0.90 / 0.80 → 0.89 / 0.78, 305 / 37 / 83,
#: 0.892 / 0.786: its held-out rows add 1 / 4 / 8 as first read blind; the same on e1e8d08 with them joined; the rounds on
#: set 61 moved no held-out status row)
HELDOUT_FLOOR = {"feedback": (1.0, 0.93), "citation": (0.87, 0.75), "task_count": (0.78, 0.88), "deadline": (0.93, 0.84),
                 "status": (0.89, 0.78), "inspection": (0.98, 0.94), "info_block": (0.95, 0.93)}
#: A fresh set not yet read while writing rules is the unseen measure: its rows are left out of the floors above, and
#: it is held to what the readers reached on it when first measured (once, no fix after).  When a set's forms are
#: fixed, the set becomes seen: drop it from UNSEEN_FLOOR.  Per kind: a set is unseen for the kinds its entry still
#: lists.  Sets 5, 6 and 7 were unseen measures the same way until their forms were fixed (all kinds).  Fresh set 8
#: (harvest 13, 344 rows) was the unseen measure, held to its first measure (2026-12-06, corpus README "Fresh set 8";
#: all rows of the set, P / R): citation 1.0 / 1.0 (4 positives), inspection 1.0 / 0.957, feedback 0.8 / 1.0, task count
#: 0.5 / 0.75, deadline 0.607 / 0.739, status 0.786 / 0.611, info block 0.897 / 0.897.
#: Set 8 is seen for every kind since its dev forms were fixed (see above); its held-out rows were then measured once
#: (TP / FP / FN): citation 12 rows (no positive), feedback 2 / 0 / 0, task count 4 rows (no positive), deadline 2 / 0 / 0,
#: status 9 / 1 / 2, inspection 11 / 0 / 0, info block 8 / 1 / 1 (not blind: one rule narrowed knowing a held-out count).
#: Fresh set 9 (harvest 14, 249 rows) is the unseen measure now, held to its first measure (2026-12-06, corpus README
#: "Fresh set 9"; all rows of the set, P / R): citation 1.0 / 1.0 (1 positive), inspection 0.840 / 0.913, feedback
#: 1.0 / 1.0, task count 1.0 / 1.0, deadline 0.833 / 0.625, status 0.821 / 0.744, info block 0.812 / 0.765.
#: Set 9 is seen for inspection, info block, status and deadline since their dev forms were fixed (see above); its
#: held-out rows were then measured once (TP / FP / FN): inspection 5 / 2 / 1, info block 4 / 0 / 1 (both unchanged
#: from the first measure), status 7 / 1 / 1 (first 6 / 2 / 2), deadline 0 / 0 / 1 (unchanged).  Citation, feedback and
#: task count had no miss on set 9 and nothing was changed for them: set 9 stays their unseen measure.
#: Fresh set 10 (harvest 15, 222 rows) is the unseen measure now, held to its first measure (2026-12-06, corpus README
#: "Fresh set 10"; all rows of the set, P / R, rounded down): citation 1.0 / 1.0 (no positive), inspection 0.946 / 0.946,
#: feedback 1.0 / 1.0, task count 0.867 / 0.929, deadline 0.857 / 0.857, status 0.900 / 0.871, info block 0.909 / 0.909.
#: Set 10 is seen for inspection, task count, deadline, status and info block since their dev forms were fixed (README
#: "After set 10"); its held-out rows were then measured once (TP / FP / FN): inspection 4 / 0 / 0, task count 4 / 1 / 0,
#: deadline 2 / 0 / 0, status 6 / 0 / 0, info block no rows (all unchanged from the first measure).  With set 10 seen the
#: whole and held-out floors are the measured values: task count's held-out FP is set 10's; status's dev FP is set 10's
#: (a requirement read as a kept-up duty).  A 定期 (regular) duty read as recurring was then taken back: the corpus
#: labels 定期通报 both ways (set 7's README), so dev keeps that one deadline row unread (定期通报) and the deadline
#: floors stay where set 9 left them.
#: Fresh sets 11 (harvest 16, 252 rows) and 12 (harvest 17, 248 rows) were unseen measures (corpus README "Fresh sets 11
#: and 12"); they are seen for every kind but citation since their dev forms were fixed ("After sets 11 and 12").
#: Fresh sets 13 (harvest 18, 194 rows) and 14 (harvest 19, 269 rows) were taken while sets 11 and 12 were being read
#: and kept unread: the blind measure of the readers after that round (README "Fresh set 14, and sets 13 and 14
#: measured blind"); since the round on their dev rows they are seen for every kind but citation.  Fresh set 15 (harvest 20, 293 rows, taken while sets
#: 13 and 14 were being read) is kept unread in their place (README "Fresh set 15"), held to its first measure; so is
#: fresh set 16 (harvest 21, 297 rows, README "Fresh set 16"), measured first before the grammar round.  Both are
#: held to their measure after the grammar round (README "The grammar round"): set 15's citation and inspection and
#: info block rose, set 16's inspection fell (0.925 → 0.875); set 15 is not blind for citation and task count.  Both
#: are seen since the round on their dev rows (README "After sets 15 and 16").
#: Fresh sets 17 (harvest 22, 306 rows) and 18 (harvest 23, 251 rows), taken after the grammar round, were kept unread
#: (README "Fresh sets 17 and 18"), each held to its first measure, until the round on their dev rows (seen since).  Fresh sets 19 (harvest 24, 260 rows) and 20
#: (harvest 25, 322 rows) were taken while sets 17 and 18 were being read and are kept unread (README "Fresh sets 19
#: and 20"), each held to its first measure (with the readers before that round, rounded down) — but for feedback on
#: set 20, where that round broke one row (9 / 0 / 0 → 8 / 0 / 1, README "After sets 17 and 18"): held to the
#: after-value — until the round on their dev rows (seen since, README "After sets 19 and 20").
#: Fresh sets 21 (harvest 26, 196 rows) and 22 (harvest 27, 239 rows) were taken while sets 17 and 18 were being read
#: and are kept unread for the round on sets 19 and 20 (README "Fresh sets 21 and 22"), each held to its first measure.
#: Fresh set 23 (harvest 28, 78 rows, citations first) was kept unread with them (README "Fresh set 23"); sets 21–23
#: are seen since the round on their dev rows (README "After sets 21, 22 and 23").  Fresh sets 24
#: (harvest 29, 234 rows) and 25 (harvest 30, 340 rows), taken after the round on sets 19 and 20, were kept unread
#: (README "Fresh sets 24 and 25") until the round on their dev rows (seen since, README "After sets 24 and 25").
#: Fresh sets 26 (harvest 31, 249 rows), 27 (harvest 32, 262 rows) and 28 (harvest 33, 112 rows, task citations
#: first) were kept unread (README "Fresh sets 26, 27 and 28"), each held to its first measure, until the round on
#: their dev rows (seen since, README "After sets 26, 27 and 28").  Fresh sets 29 (harvest 34, 168 rows) and 30
#: (harvest 35, 143 rows), taken while sets 26–28 were being read, are kept unread (README "Fresh sets 29 and 30"),
#: each held to its first measure (the readers before the round on sets 26–28).  Fresh set 33 (harvest 38, 260 rows)
#: and fresh set 34 (harvest 39, 242 rows) were first measured with the readers of fd99495, before the rounds from
#: first-sight misses (README "Fresh set 33", "Fresh set 34"); fresh set 35 (harvest 40, 228 rows) with the readers of
#: 1a49d2d, after them (README "Fresh set 35").  Sets 31–35 are seen for every kind since the rounds on their dev rows
#: (README "The round on sets 31–35 (r35a): status and deadline" and "(r35b)").  Fresh set 36 (harvest 41, 250 rows,
#: taken while sets 31–35 were being read) was first measured with the readers after that round (README "Fresh set 36",
#: "Set 36 measured blind…": status 24 / 4 / 26, info block 26 / 5 / 10, deadline 13 / 1 / 5, inspection 20 / 1 / 3, task
#: count 0 / 1 / 0, citation and feedback no miss) and held to it until the round on its dev rows (README "The round on
#: set 36 (r36)"); it is seen for every kind since, its rows in the floors above (after the round, all rows of the set:
#: status 43 / 2 / 7, info block 35 / 1 / 1, deadline 16 / 0 / 2, inspection 21 / 0 / 2, task count 0 / 1 / 0).
#: Fresh set 37 (harvest 42, 223 rows, taken while set 36 was being read) was first measured with the readers after the
#: rounds on sets 31–35 and 36 (README "Set 37 measured blind after the rounds on sets 31–36": status 24 / 2 / 12,
#: inspection 24 / 2 / 1, feedback 4 / 1 / 0, task count 1 / 1 / 0, deadline 19 / 1 / 2, info block 25 / 1 / 1,
#: citation 1 / 0 / 0) and held to it until the round on its dev rows (README "The round on set 37 (r37)"); it is seen
#: for every kind since, its rows in the floors above (after the round, all rows of the set: see that README section).
#: Fresh set 38 (harvest 43, 250 rows, taken while set 37 was being read) was first measured with the readers after the
#: round on set 37 (README "Set 38 measured blind after the rounds on sets 31–37": status 37 / 5 / 27, deadline
#: 25 / 4 / 8, feedback 1 / 0 / 1, info block 21 / 1 / 1, inspection 24 / 0 / 0, task count and citation no miss) and
#: held to it until the round on its dev rows (README "The round on set 38 (r38)"); it is seen for every kind since,
#: its rows in the floors above (after the round, all rows of the set: status 53 / 2 / 11, deadline 31 / 2 / 2, info
#: block 22 / 0 / 0, feedback 1 / 0 / 1, the others unchanged).
#: Fresh set 39 (harvest 44, 218 rows, the same kind of page as set 38, taken while set 38 was being read) was first
#: measured with the readers after the round on set 38 (README "Set 39 measured blind after the round on set 38"); so
#: was fresh set 40 (harvest 45, 207 rows, side topics), taken after it (README "Set 40 measured blind"); both were kept
#: unread for the next round's blind measure.  Set 39 is seen for every kind since the round on its dev rows (README
#: "The round on set 39 (r39)"), its rows in the floors above (after the round, all rows of the set: status
#: 37 / 1 / 11, deadline 20 / 3 / 3, the others unchanged); set 40 stayed kept unread, the blind measure of that round
#: (unchanged by it: status 25 / 0 / 15, deadline 19 / 5 / 8, info block 20 / 3 / 4, inspection 12 / 0 / 2, citation
#: 2 / 2 / 2, feedback and task count no positive), and is seen for every kind since the round on its dev rows (README
#: "The round on set 40 (r40)"), its rows in the floors above.
#: Fresh set 41 (harvest 46, 171 rows, progress reports, close-outs and feedback of provincial inspections, taken while
#: set 40 was being read) was first measured with the readers after the round on set 40 (README "Set 41 measured blind
#: after the round on set 40": status 23 / 2 / 4, inspection 24 / 0 / 1, feedback 9 / 0 / 1, task count 6 / 0 / 0,
#: deadline 11 / 0 / 1, info block 19 / 1 / 2, citation 1 / 0 / 2; the round moved none of its rows) and is seen for
#: every kind since the round on its dev rows (README "The round on set 41 (r41)"), its rows in the floors above.
#: Fresh set 42 (harvest 47, 155 rows, provincial inspections' feedback and progress named city by city, taken while
#: set 41 was being read) was first measured with the readers after the round on set 41 (README "Set 42 measured blind
#: after the rounds on sets 40 and 41": status 18 / 2 / 2, inspection 30 / 0 / 0, feedback 4 / 0 / 1, task count
#: 2 / 2 / 1, deadline 6 / 0 / 0, info block 18 / 0 / 0, citation no positive; neither round moved any of its rows) and is
#: seen for every kind since the round on its dev rows (README "The round on set 42 (r42)"), its rows in the floors above.
#: Fresh set 43 (harvest 48, 138 rows: 森工 and 兵团 close-outs, plan-table deadline cells, proposal replies, taken while
#: set 42 was being read) was first measured with the readers after the round on set 42 (README "Set 43 measured blind
#: after the round on set 42": status 16 / 5 / 8, deadline 30 / 2 / 5, inspection 8 / 1 / 0, task count 1 / 1 / 0,
#: citation 2 / 0 / 0, info block 8 / 0 / 0, feedback no positive; the round moved none of its rows) and is seen for
#: every kind since the round on its dev rows (README "The round on set 43 (r43)"), its rows in the floors above.
#: Fresh set 44 (harvest 49, 159 rows: enterprises', coal bureaus' and farms' rectification pages, plan-table deadline
#: cells, taken while set 43 was being read) was first measured with the readers after the round on set 43 and the
#: narrated-tally mechanism (README "Set 44 measured blind after the round on set 43 and narrated tallies": status
#: 20 / 3 / 4, deadline 22 / 6 / 6, info block 27 / 2 / 3, citation 1 / 0 / 1, inspection 14 / 0 / 0, task count and
#: feedback no positive; neither moved any of its rows) and is seen for every kind since the round on its dev rows
#: (README "The round on set 44 (r44)"), its rows in the floors above.
#: Fresh set 45 (harvest 50, 170 rows: campaigns at hospitals, ports, scenic areas and golf courses, river sand mining,
#: county progress tables, taken while set 44 was being read) was first measured with the readers after the round on
#: set 44 (README "Set 45 measured blind after the round on set 44": status 16 / 6 / 12, deadline 27 / 3 / 14, info
#: block 19 / 2 / 2, inspection 6 / 2 / 1, citation, feedback and task count no positive; the round moved none of its
#: rows) and is seen for every kind since the round on its dev rows (README "The round on set 45 (r45)"), its rows in
#: the floors above.
#: Fresh set 46 (harvest 51, 121 rows: campaign pages on rural sewage and black-odorous water, 河湖四乱, straw burning,
#: site dust, vapour recovery and restaurant fumes) was first measured with the readers after the round on set 45 and
#: the sweep of forms left unread (README "Set 46 measured blind after the round on set 45 and the sweep": status
#: 14 / 3 / 2, deadline 22 / 3 / 9, info block 15 / 2 / 2, inspection 2 / 0 / 0, task count 0 / 2 / 0, citation and
#: feedback no positive) and is seen for every kind since the round on its dev rows (README "The round on set 46
#: (r46)"), its rows in the floors above.
#: Fresh set 47 (harvest 52, 187 rows: campaign and sector pages on soil and groundwater, outfalls, solid waste, small
#: hydropower, quarries and kilns, 大棚房, protected-area buildings and wetlands) was first measured with the readers
#: after the round on set 46 (README "Set 47 measured blind after the round on set 46": status 33 / 5 / 17, deadline
#: 29 / 1 / 5, info block 36 / 3 / 4, inspection 2 / 1 / 1, task count 0 / 1 / 0, citation and feedback no positive) and
#: is seen for every kind since the round on its dev rows (README "The round on set 47 (r47)"), its rows in the floors
#: above.
#: Fresh set 48 (harvest 53, 142 rows: sector pages on plastic film, tailings, rural toilets and refuse, sand mining, the
#: 长江 shoreline, discharge permits, off-road machinery, soil conservation) was first measured with the readers after the
#: round on set 47 (README "Set 48 measured blind after the round on set 47": status 14 / 12 / 11, deadline 29 / 2 / 7,
#: info block 27 / 3 / 4, inspection 1 / 0 / 0, citation, task count and feedback no positive) and is seen for every
#: kind since the round on its dev rows (README "The round on set 48 (r48)"), its rows in the floors above.
#: Fresh set 49 (harvest 54, 150 rows: 环评, 验收 and credit-rating 公示 windows, disclosure duties, boiler, tank, permit,
#: machinery, park-sewage, incineration and kitchen-waste campaigns, taken while set 48 was being read) was first
#: measured with the readers after the round on set 48 and the reflow of text the layout cut (README "Set 49 measured
#: blind after the round on set 48": status 21 / 5 / 9, deadline 30 / 1 / 10, info block 27 / 4 / 4, inspection
#: 3 / 0 / 0, feedback 0 / 0 / 1, citation and task count no positive; neither change moved any of its rows) and is
#: seen for every kind since the round on its dev rows (README "The round on set 49 (r49)"), its rows in the floors above.
#: Fresh set 50 (harvest 55, 146 rows: 环评 notice windows, disclosure and permit duties, water sources, outfalls,
#: boilers and filling stations, 无废城市 and air-quality plans, Taiwan EPA project summaries, one close-out citing a
#: provincial item) was first measured with the readers after the round on set 49 and the info block's reading of days in
#: Chinese numerals (README "Set 50 measured blind after the round on set 49": status 11 / 5 / 6, deadline 34 / 1 / 5,
#: info block 14 / 3 / 6, inspection 3 / 0 / 0, citation 1 / 0 / 0, task count and feedback no positive; neither
#: change moved any of its rows) and is seen for every kind since the round on its dev rows (README "The round on set 50
#: (r50)"), its rows in the floors above.
#: Fresh set 51 (harvest 56, 173 rows from 62 pages: township and county 整改 notices, petition batches, 环评 批复 and
#: credit-rating 公示, 绿盾 and 河湖四乱 checks, Taiwan rule and court pages, traditional-script mirrors; provinces the
#: corpus had fewest pages from) was first measured with the readers after the round on set 50 and the simulated web's
#: Chinese-numeral windows (README "Set 51 measured blind after the round on set 50": status 21 / 1 / 10, deadline
#: 19 / 1 / 3, info block 24 / 1 / 4, inspection 9 / 0 / 0, task count 1 / 2 / 0, citation and feedback no positive; the
#: round moved one status row right); its dev rows were read by the round on it (README "The round on set 51 (r51)"),
#: and it was held to its first measure here until the rounds on set 52 (README "The round on set 52 (r52a)" and
#: "(r52b)"), which joined its rows to the floors above (lowering two held-out floors, see HELDOUT_FLOOR).
#: Fresh set 52 (harvest 57, 114 rows from 48 pages, more than half of them Taiwan ministry, Control Yuan, Legislative
#: Yuan and administrative-court pages dated in ROC years) was first measured with the readers after the round on set 51
#: (README "Set 52 measured blind after the round on set 51": status 3 / 3 / 6, deadline 12 / 3 / 7, info block 8 / 1 / 6,
#: inspection 1 / 0 / 0, citation, task count and feedback no positive; the round moved none of its rows) and is seen for
#: every kind since the rounds on its dev rows (README "The round on set 52 (r52a)" and "(r52b)"), its rows in the floors
#: above.
#: Fresh set 53 (harvest 58, 130 rows from 51 mainland pages: township and county notices, comment windows, 责令改正
#: decisions, audit reports, CPPCC supervision news; no citation, plan-count or dated-feedback positive) was first measured
#: with the readers after the rounds on set 52 (README "Set 53 measured blind after the rounds on set 52": deadline
#: 22 / 0 / 8, status 4 / 2 / 2, info block 27 / 3 / 4, inspection 1 / 0 / 0, citation, task count and feedback no
#: positive; the rounds moved none of its rows) and is seen for every kind since the rounds on its dev rows (README "The
#: round on set 53 (r53a)" and "(r53b)"), its rows in the floors above.
#: Fresh set 54 (harvest 59, 142 rows from 58 mainland pages: carbon-market deadlines, hazardous-waste permits, soil
#: lists, livestock-ban closures, river clean-ups, exam-period noise notices, a few 督察 pages; one dated feedback, no
#: citation or plan-count positive) was first measured with the readers after the rounds on set 53 (README "Set 54
#: measured blind after the rounds on set 53": deadline 21 / 0 / 2, status 1 / 2 / 2, info block 33 / 1 / 4, inspection
#: 4 / 0 / 0, feedback 1 / 0 / 0, citation and task count no positive; the rounds moved one deadline row right) and is
#: seen for every kind since the round on its dev rows (README "The round on set 54 (r54)"), its rows in the floors above.
#: Fresh set 55 (harvest 60, 121 rows from 57 mainland pages: township and county notices, mine and land reclamation
#: acceptances, river-chief patrol rules, damage-compensation news, water-source notices; no citation, plan-count or
#: dated-feedback positive) was first measured with the readers after the round on set 54 (README "Set 55 measured
#: blind after the round on set 54": deadline 7 / 3 / 5, status 8 / 1 / 5, info block 16 / 2 / 3, inspection 0 / 0 / 1,
#: citation, task count and feedback no positive; the round moved none of its rows) and is seen for every kind since the
#: rounds on its dev rows (README "The round on set 55 (r55a)" and "(r55b)"), its rows in the floors above.
#: Fresh set 56 (harvest 61, 156 rows from 47 mainland pages: proposal and suggestion replies' classes, 民生实事 and
#: key-project progress, 巡察 and audit progress 通报, five-year plans' mid-term reviews, township clearing notices; no
#: citation, plan-count or dated-feedback positive) was first measured with the readers after the rounds on set 55
#: (README "Set 56 measured blind after the rounds on set 55": status 34 / 6 / 8, deadline 8 / 1 / 4, info block
#: 13 / 1 / 1, inspection 2 / 0 / 0, citation, task count and feedback no positive; the rounds moved none of its rows;
#: its one info-block miss was a label the lead settled after, README "Set 57 and set 58 measured blind") and is seen for
#: every kind since the rounds on its dev rows (README "The round on set 56 (r56a)" and "(r56b)"), its rows in the floors
#: above.
#: Fresh set 57 (harvest 62, 183 rows from 75 mainland pages: government work reports' task divisions, hazard and
#: campaign notices with terms, key-project bulletins, county plans' task tables; no citation, plan-count or
#: dated-feedback positive) was first measured with the readers after the rounds on set 56 (README "Set 57 and set 58
#: measured blind after the rounds on set 56": status 19 / 6 / 13, deadline 32 / 1 / 5, info block 25 / 0 / 0,
#: inspection 2 / 0 / 0; citation, task count and feedback no positive; the rounds on sets 55 and 56 moved none of its
#: rows) and is seen for every kind since the rounds on its dev rows (README "The round on set 57 (r57a)" and "(r57b)"),
#: its rows in the floors above.
#: Fresh set 58 (harvest 63, 164 rows from 57 mainland pages: progress notes, bulletins and handling news, 70 status
#: rows) was first measured with the readers after the rounds on set 56 (status 35 / 5 / 19, deadline 4 / 2 / 4, info
#: block 10 / 1 / 2, inspection 1 / 0 / 0; citation, task count and feedback no positive; the rounds on set 57 moved none
#: of its rows) and is seen for every kind since the rounds on its dev rows (README "The round on set 58 (r58b)" and
#: "(r58a)"), its rows in the floors above.
#: Fresh set 59 (harvest 64, 117 rows from 54 mainland pages: works' progress notices, village and township bulletins,
#: party 巡视 / 巡察 news, township disclosure pages; no citation, plan-count or dated-feedback positive) was first
#: measured with the readers after the rounds on set 57 (README "Set 58 and set 59 measured blind after the rounds on
#: set 57": status 17 / 6 / 9, deadline 15 / 0 / 4, info block 21 / 0 / 1, inspection 1 / 0 / 0, task count 0 / 1 / 0 —
#: a count read where none is stated, so precision 0 —, citation and feedback no positive; r57b moved one deadline row
#: right) and again after the rounds on set 58, which moved none of its rows, and is seen for every kind since the
#: rounds on its dev rows (README "The round on set 59 (r59a)" and "(r59b)"), its rows in the floors above.
#: Fresh set 60 (harvest 65, 132 rows from 54 mainland pages: 12345 and mayor-line bulletins, proposal and suggestion
#: handling, town hazard campaigns, straw-burning patrols) was first measured with the readers after the rounds on set
#: 58 (README "Sets 59, 60 and 61 measured blind after the rounds on set 58": status 22 / 6 / 13, deadline 12 / 2 / 5,
#: info block 7 / 1 / 2, inspection 1 / 0 / 0; r58b moved one deadline row right), the rounds on set 59 moved none of its
#: rows, and it is seen for every kind since the rounds on its dev rows (README "The round on set 60 (r60b)" and
#: "(r60a)"), its rows in the floors above.
#: Fresh set 61 (harvest 66, 139 rows from 50 mainland pages: river-chief patrols, hazard campaigns, mine restoration,
#: CPPCC reports, national progress releases) was first measured with the readers after the rounds on set 58 (status
#: 11 / 6 / 21, deadline 14 / 2 / 6, info block 22 / 2 / 2; citation, task count and feedback no positive) and again after
#: the rounds on sets 59 and 60, which moved none of its rows (README "Sets 61 and 62 measured blind after the rounds on
#: set 60"), and is seen for every kind since the rounds on its dev rows (README "The round on set 61 (r61a)" and
#: "(r61b)"), its rows in the floors above.
#: Fresh set 62 (harvest 67, 146 rows from 52 mainland pages: kept-up duties, rates and shares, behind wordings of
#: city and county bulletins) was first measured with the readers after the rounds on set 60 (README "Sets 61 and 62
#: measured blind after the rounds on set 60": status 21 / 12 / 22, deadline 26 / 3 / 9, info block 10 / 2 / 3,
#: inspection 2 / 0 / 0; citation, task count and feedback no positive), the rounds on set 61 moved none of its rows
#: (README "Sets 62 and 63 measured blind after the rounds on set 61"), and it is seen for every kind since the round on
#: its dev rows (README "The round on set 62 (r62s)"), its rows in the floors above.
#: Fresh set 63 (harvest 68, 189 rows from 59 mainland pages: campaigns outside the environment — self-built houses,
#: gas, e-bikes, school surroundings, markets, farmland — beside environmental progress bulletins) was first measured
#: with the readers after the rounds on set 61 (same README section: status 32 / 17 / 26, deadline 28 / 0 / 4, info
#: block 20 / 2 / 2, inspection 3 / 0 / 0, feedback 1 / 0 / 0; citation and task count no positive; the rounds on set 61
#: moved none of its rows); it is held to that measure here and kept unread.
UNSEEN_FLOOR: dict[str, dict[str, tuple[float, float]]] = {
    "fresh9": {"citation": (1.0, 1.0), "feedback": (1.0, 1.0), "task_count": (1.0, 1.0)},
    "fresh10": {"citation": (1.0, 1.0), "feedback": (1.0, 1.0)},
    "fresh11": {"citation": (1.0, 1.0)},
    "fresh12": {"citation": (1.0, 1.0)},
    "fresh13": {"citation": (1.0, 1.0)},
    "fresh14": {"citation": (1.0, 1.0)},
    "fresh63": {"citation": (1.0, 1.0), "inspection": (1.0, 1.0), "feedback": (1.0, 1.0), "task_count": (1.0, 1.0),
                "deadline": (1.0, 0.874), "status": (0.653, 0.551), "info_block": (0.909, 0.909)},
}

#: Fresh sets kept unread and not measured yet (none now; sets 33–63 were until their first measure): labelled
#: and committed with no reader run on them, so they have no first measure to hold.  They are held apart from every
#: floor and scored by no test; their first measure gives them an UNSEEN_FLOOR entry in place of this.
UNMEASURED: set[str] = set()


def _seen(rows: list[dict], kind: str) -> list[dict]:
    """Rows of the sets the readers were written or fixed against (a set unseen for ``kind`` has its own floor)."""
    return [r for r in rows
            if kind not in UNSEEN_FLOOR.get(r.get("set") or "", {}) and r.get("set") not in UNMEASURED]


def _counts(s) -> str:
    """A score's counts only: a failure message never shows which held-out rows were missed."""
    return f"rows={s.rows} tp={s.tp} fp={s.fp} fn={s.fn}"


@pytest.mark.parametrize("kind", KINDS)
def test_reader_holds_its_figures(kind):
    reader = _once(kind)
    dev, whole, held = (score(_seen(load(kind, split=s), kind), reader) for s in ("dev", None, "heldout"))
    p, r = DEV_FLOOR.get(kind, (1.0, 1.0))
    assert dev.precision >= p and dev.recall >= r, dev.misses
    p, r = WHOLE_FLOOR.get(kind, (1.0, 1.0))
    whole_ok = whole.precision >= p and whole.recall >= r  # computed outside the assert: no row ids in its report
    assert whole_ok, _counts(whole)
    p, r = HELDOUT_FLOOR.get(kind, (0.75, 0.75))
    held_ok = held.precision >= p and held.recall >= r
    assert held_ok, _counts(held)


@pytest.mark.parametrize("kind", KINDS)
def test_corpus_rows_are_sourced_labelled_and_split_by_their_id(kind):
    rows = load(kind)
    assert rows and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["source_url"].startswith(("http://", "https://")) and row["text"].strip()
        expected(row)  # every row carries the labels of its kind
        held = int(hashlib.sha1(row["id"].encode()).hexdigest(), 16) % 5 == 0
        assert row["split"] == ("heldout" if held else "dev")


#: the fresh sets harvested so far (corpus README); a row naming another set is a typo that would hide it from a floor
FRESH_SETS = {"fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12",
              "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20",
              "fresh21", "fresh22", "fresh23", "fresh24", "fresh25", "fresh26", "fresh27",
              "fresh28", "fresh29", "fresh30", "fresh31", "fresh32", "fresh33", "fresh34", "fresh35", "fresh36",
              "fresh37", "fresh38", "fresh39", "fresh40", "fresh41", "fresh42",
              "fresh43", "fresh44", "fresh45", "fresh46", "fresh47", "fresh48", "fresh49",
              "fresh50", "fresh51", "fresh52", "fresh53", "fresh54", "fresh55", "fresh56", "fresh57",
              "fresh58", "fresh59", "fresh60", "fresh61", "fresh62", "fresh63"}


@pytest.mark.parametrize("kind", KINDS)
def test_fresh_sets_are_known_and_each_unseen_one_holds_its_first_measure(kind):
    rows = load(kind)
    assert {r["set"] for r in rows if "set" in r} <= FRESH_SETS
    assert set(UNSEEN_FLOOR) <= FRESH_SETS and UNMEASURED <= FRESH_SETS
    assert not UNMEASURED & set(UNSEEN_FLOOR)  # a set measured once holds that measure instead
    for fresh, floors in UNSEEN_FLOOR.items():
        if kind not in floors:
            continue
        fresh_rows = [r for r in rows if r.get("set") == fresh]
        if not fresh_rows:  # a kind the set has no row of (set 47's feedback) holds only the empty floor
            assert floors[kind] == (1.0, 1.0), fresh
            continue
        s = score(fresh_rows, _once(kind))
        p, r = floors[kind]
        ok = s.precision >= p and s.recall >= r  # counts only: the set's held-out rows stay unnamed
        assert ok, f"{fresh}: {_counts(s)}"


def test_every_set_kept_unread_is_held_apart_for_every_kind():
    """A set the bench keeps unread has its own floor for every kind, or is not measured yet and held apart from every
    floor, so the floors above never score it (and a failing dev floor never prints its rows)."""
    spec = importlib.util.spec_from_file_location(
        "ledger_language_bench", Path(__file__).resolve().parents[2] / "bench" / "ledger_language.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.KEPT_UNREAD <= FRESH_SETS
    for fresh in bench.KEPT_UNREAD:
        assert fresh in UNMEASURED or set(UNSEEN_FLOOR.get(fresh, {})) == set(KINDS), fresh
    assert UNMEASURED <= bench.KEPT_UNREAD  # a set no one has measured is one no one may read
