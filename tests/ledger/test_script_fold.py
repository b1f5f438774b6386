"""Traditional script is folded to simplified where text enters the readers, one character for one."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from archive.ledger.naming import inspection_name
from archive.ledger.numbers import citations, deadline
from archive.ledger.progress import status_class
from archive.script_fold import SCRIPT_FOLD, fold_script
from archive.timeliness.fields import feedback_date, task_count
from crawler.extraction.info import info_block

ROOT = Path(__file__).resolve().parents[2]


def test_fold_keeps_every_offset_and_leaves_simplified_text_alone() -> None:
    trad = "督察組第三輪第二批反饋144個問題已全部整改銷號"
    assert fold_script(trad) == "督察组第三轮第二批反馈144个问题已全部整改销号"
    assert all(len(chr(k)) == 1 and len(chr(v)) == 1 for k, v in SCRIPT_FOLD.items())
    simplified = "中央第二生态环境保护督察组于2021年6月8日向我省反馈督察意见，干部后面里台发范松准几"
    assert fold_script(simplified) == simplified


def test_committed_table_is_what_the_generator_makes_from_the_pinned_zhconv() -> None:
    if importlib.util.find_spec("zhconv") is None:
        pytest.skip("zhconv (test extra) is not installed")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_script_table
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert (ROOT / "archive" / "script_table.py").read_text(encoding="utf-8") == \
        gen_script_table.render(gen_script_table.pairs())


def test_readers_read_traditional_script() -> None:
    name = inspection_name("第三輪第二批7個中央生態環境保護督察組全部實現督察進駐")
    assert name is not None and (name.level, name.round, name.batch) == ("central", 3, 2)
    assert name.text == "第三輪第二批7個中央生態環境保護督察組"  # the span as written
    assert status_class("兩批交辦的6263件信訪件已全部整改銷號") == "done"
    assert status_class("剩余1個正在組織驗收") == "on_track"
    count = task_count("督察組反饋的144個問題已全部整改")
    assert count is not None and count.count == 144 and count.text.endswith("個問題")
    found = feedback_date("2017年8月7日,中央第五環境保護督察組向我省反饋督察意見")
    assert found is not None and found.iso() == "2017-08-07"
    cited = citations("第三項整改任務已完成")
    assert [c.numbers for c in cited] == [(3,)] and cited[0].text == "第三項"
    assert deadline("長期堅持").kind == "ongoing"


def test_info_block_reads_traditional_labels_and_keeps_the_publisher_as_written() -> None:
    block = info_block("資訊來源:臺灣省環境保護廳 | 發佈時間:2019-03-05 10:20")
    assert block.publisher == "臺灣省環境保護廳"
    assert block.posted == "2019-03-05"
