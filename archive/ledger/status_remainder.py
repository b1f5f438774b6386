"""Done needs the whole: a completion of a part with the rest expected is on track (r59a; pure patterns).

A report often states a part done and then what is left: the rest named (剩余 / 其余 / 其它 / 余下 / 仅剩 …) and set for
a term or a future (剩余问题在8月底前全部整改到位, 其它按要求在明年汛期前全面完工, 仅剩的一个问题,…将于本周内完成整改),
or the whole forecast done by a term after a part counted or a share below 100 % stated (9个项目已经全部完工,预计年底可全面
完成建设任务; …,整改完成率达68.7%,预计到2019年底,将彻底解决…).  The completion's object is a part and the rest is
expected: on track (set 8's written rule, sets 44–48).  ``status_parts.rest_turns`` reads a rest whose own clause is on
track or behind, and a rest scheduled with a modal in its first clause; this reads the rest's expected completion with no
modal before its term, further in its sentence, or in the next sentence.

Near misses kept: a rest already done (其余3项也已于6月底前完成) or behind stays as it reads; a rest only planned with no
term and no forecast completion (列入计划拟解决, 其余将依法处理) keeps the part done (set 58's ✱ mostly done); the whole
done with a close-out step forecast (已全部完成整改,预计年底前完成验收) stays done.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from archive.ledger.clauses import clause_end, clause_start, sentence_end
from archive.ledger.status_words import COUNT

Head = tuple[int, int, str, str]
HeadOf = Callable[[str], "Head | None"]

#: the rest named, opening its clause (剩余问题, 其它, 余下的6个, 仅剩的一个问题, 尚有2项), or by its not-done attribute
#: (未完成…的45台, 尚未整改的3个问题)
REMAINDER = re.compile(r"(?:剩余|剩下|其余|其他|其它|余下|仅剩|尚余|尚有|还有)"
                       r"|(?:尚|还|仍)?未(?:完成|整改|办结|销号)[^，,；;。]{0,12}?的")
#: …its not done yet is no finding of lateness (剩余2项尚未完成,预计年底前完成); 滞后 / 逾期 … keep it behind
_NOT_YET = re.compile(r"(?:尚|还|仍)?未(?:能)?(?:全部)?(?:完成|整改|办结|销号)(?:整改)?")
#: a completion verb or a work closed by its result (完成, 完工, 整改到位, 销号)
_COMPLETION = r"(?:完成|完工|建成|竣工|解决|办结|销号|到位|关闭|退出|清零)"
#: a close-out step, not the work (验收, 销号 after the work is done, 公示, 备案)
_CLOSE_OUT = r"(?:验收|公示|备案|审核|复核|评估)"
#: the rest expected: a term closed by 前 / 内 / 底 (在8月底前, 于本周内, 到2019年底,) or a future or aim (将, 预计, 计划,
#: 力争, 确保, 争取, 可望, 有望), then its completion in the same clause; not negated
_TERM = r"(?:于|在|到|至)?[^，,；;。]{1,12}?(?:之前|前|以内|内|底)[，,]?"
#: (计划 as a noun, 列入计划 / 纳入计划, plans nothing for a time)
_FUTURE = r"(?:将|预计|(?<!列入)(?<!纳入)计划|力争|确保|争取|可望|有望)"
EXPECTED = re.compile(rf"(?:{_FUTURE}(?:{_TERM})?|{_TERM})(?:将|可|能|可以|能够)?(?:全部|全面|彻底|如期|按期|按时)?"
                      rf"[^，,；;。]{{0,6}}?(?<![未没不])(?<!尚未){_COMPLETION}(?![^，,；;。]{{0,8}}?{_CLOSE_OUT})")
#: the whole forecast by a term (预计年底可全面完成建设任务, 预计到2019年底,将彻底解决…)
_WHOLE = re.compile(rf"{_FUTURE}{_TERM}(?:将|可|能|可以|能够)?(?:全部|全面|彻底)"
                    rf"{_COMPLETION}(?![^，,；;。]{{0,8}}?{_CLOSE_OUT})")
#: a share below 100 % in the sentence (完成率达68.7%, 完成总量的94%): the done is a part
_SHARE_BELOW = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d+)?\s*[%％]")
_BOUNDARY = re.compile(r"[，,；;、。]")


def _counted_part(compact: str, head: Head) -> bool:
    """Whether the done head's clause counts what was done (9个项目已经全部完工, 已完成6座) or a share below 100 % is
    stated later in its sentence (…,整改完成率达68.7%)."""
    start, end = clause_start(compact, head[0]), clause_end(compact, head[0])
    return bool(re.search(COUNT, compact[start:end])
                or _SHARE_BELOW.search(compact, head[0], sentence_end(compact, head[0])))


def rest_expected(compact: str, head: Head, head_of: HeadOf) -> Head | None:
    """After a done head, the rest named in a later clause of its sentence or opening the next sentence and expected
    done by a term or a future (→ on track), or the whole forecast done by a term after a counted part; ``None`` when
    neither, or when the rest is read done or behind before its expected completion."""
    if head[2] != "done":
        return None
    first_end = sentence_end(compact, head[0])
    for boundary in _BOUNDARY.finditer(compact, head[0] + len(head[3])):
        if boundary.start() > first_end:
            break  # only the head's sentence and the first clause of the next one
        at = boundary.end()
        end = sentence_end(compact, at)
        seg = compact[at:end]
        expected = EXPECTED.search(seg) if REMAINDER.match(seg) else None
        if expected is None and boundary.group(0) != "。" and _counted_part(compact, head):
            expected = _WHOLE.match(seg)
        if expected is None:
            if boundary.group(0) == "。":
                break
            continue
        later = head_of(seg)
        not_yet = later is not None and later[2] == "behind" and bool(_NOT_YET.fullmatch(later[3]))
        if later and later[0] < expected.end() and later[2] in ("done", "mostly_done", "behind") and not not_yet:
            return None  # 其余3项也已于6月底前完成, 剩余2项尚未完成: the rest as it reads
        return (at + expected.start(), 0, "on_track", expected.group(0))
    return None
