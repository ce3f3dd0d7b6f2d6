"""Print a score table for a folder of students' answer files (teacher only).

    .venv/bin/python teacher/mark_answers.py path/to/folder

One row per answer file: the computed score of each structured case (partial credit, see
docs/teaching/graded-work.md) and the word count of each memo, for marking by rubric.
Nothing is written; a file that is not an answer file is named and skipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

from diffusion_scenarios.exercises import graded_exercises, load_answers, score_answers


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: mark_answers.py FOLDER (a folder of answers-*.json files)", file=sys.stderr)
        return 2
    graded = graded_exercises()
    structured = [e.id for e in graded if e.kind == "assessment"]
    memos = [e.id for e in graded if e.kind == "memo"]
    print("\t".join(["student", *structured, "total", *(f"{m} (words)" for m in memos)]))
    status = 0
    for path in sorted(Path(argv[0]).glob("answers-*.json")):
        try:
            sheet = load_answers(path)
        except ValueError as error:
            print(f"skipped: {error}", file=sys.stderr)
            status = 1
            continue
        scores = score_answers(sheet)
        cells = [f"{scores[i][0]}/{scores[i][1]}" if i in scores else "-" for i in structured]
        total = sum(s for s, _ in scores.values())
        words = [str(len(sheet.answers[m].text.split())) if m in sheet.answers else "-"
                 for m in memos]
        print("\t".join([sheet.student, *cells, str(total), *words]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
