"""Benchmark the Word memo (.docx) over every built-in scenario: time and size.

For each built-in scenario it times the whole memo (three PNG pictures included), the memo
without pictures (the python-docx part alone), and writing it to disk through
``reports.write_report`` (atomic: temporary file, fsync, rename). It also reports the size
of each file, and of the pictures inside it. Each time is the median of ``--repeat`` calls
after one warm-up call per scenario (imports, fonts, reference data).

Run from the repository root::

    .venv/bin/python benchmarks/bench_docx.py
    .venv/bin/python benchmarks/bench_docx.py --repeat 3

Target: a memo in a few seconds at most (a lawyer clicks a download button and waits), and a
file small enough to send by e-mail (well under 5 MB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

from timing import median_s

import diffusion_scenarios as ds
from diffusion_scenarios import reports
from diffusion_scenarios._render.word import render_docx

MEMO_TARGET_S = 4.0
SIZE_TARGET_BYTES = 5_000_000
WHEN = dt.datetime(2025, 1, 1)


def _picture_bytes(data: bytes) -> int:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return sum(i.file_size for i in archive.infolist() if i.filename.startswith("word/media/"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed calls per scenario")
    args = parser.parse_args()

    assessments = {key: ds.assess(s) for key, s in ds.builtin_scenarios().items()}
    for assessment in assessments.values():  # warm up
        render_docx(assessment, timestamp=WHEN)

    rows: list[tuple[str, float, float, float, int, int, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        for key, assessment in assessments.items():
            full = median_s(lambda a=assessment: render_docx(a, timestamp=WHEN), args.repeat)
            text_only = median_s(
                lambda a=assessment: render_docx(a, figures=False, timestamp=WHEN), args.repeat
            )
            target = Path(folder) / f"{key}.docx"
            written = median_s(
                lambda a=assessment, t=target: reports.write_report(a, t, "docx", force=True),
                args.repeat,
            )
            data = target.read_bytes()
            recipients = assessment.circulation.recipient_count
            rows.append(
                (key, full, text_only, written, len(data), _picture_bytes(data), recipients)
            )

    print(f"{len(rows)} built-in scenarios, median of {args.repeat} call(s) each")
    print(
        f"{'scenario':45} {'memo':>8} {'no pics':>8} {'write':>8} {'size':>9} {'pics':>9} "
        f"{'recip.':>6}"
    )
    for key, full, text_only, written, size, pictures, recipients in rows:
        print(
            f"{key:45} {full:7.2f}s {text_only:7.2f}s {written:7.2f}s {size / 1e3:7.0f}kB "
            f"{pictures / 1e3:7.0f}kB {recipients:6d}"
        )
    for label, index in (("memo with pictures", 1), ("memo without pictures", 2), ("write", 3)):
        values = [row[index] for row in rows]
        print(
            f"{label:25} median {statistics.median(values):.2f} s, "
            f"slowest {max(values):.2f} s"
        )
    sizes = [row[4] for row in rows]
    print(
        f"{'file size':25} median {statistics.median(sizes) / 1e3:.0f} kB, "
        f"largest {max(sizes) / 1e3:.0f} kB"
    )
    print(
        f"targets: a memo under {MEMO_TARGET_S:.0f} s, a file under "
        f"{SIZE_TARGET_BYTES / 1e6:.0f} MB (2 shared cores; see `uptime` for the load)"
    )


if __name__ == "__main__":
    main()
