"""How long the scenario explorer takes to react to a control change, in the kernel.

Run: ``python benchmarks/bench_widgets.py [--repeat N]``

Each measurement sets one control's ``.value`` (exactly what a click in the browser does
on the kernel side) and stops the clock when every panel has been recomputed: a new
Scenario, ``assess``, the outcome line and every panel (issuance, the tile map, the
enforcement table, trips, the grounds chart and list, the route timeline and table, outcome
and trace, changes). All panels are HTML/SVG strings; the tab on screen is redrawn at once,
the others when their tab is opened;
the script times a change with each tab on screen, opening each tab, ``draw_all()``, and,
separately, the printable matplotlib figures, which are drawn only when their button is
clicked.

The budget is a median under 150 ms for a change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("MPLBACKEND", "Agg")

from diffusion_scenarios.widgets import ScenarioExplorer

START = "diffusion-commercial-dispute-europe"


def _time(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _report(label: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p90 = samples[max(0, round(0.9 * len(samples)) - 1)]
    print(
        f"{label:58} median {statistics.median(samples):7.1f} ms   "
        f"p90 {p90:7.1f} ms   max {samples[-1]:7.1f} ms   (n={len(samples)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="changes per measurement")
    args = parser.parse_args()
    repeat = args.repeat

    start = time.perf_counter()
    explorer = ScenarioExplorer(START)
    built = 1000 * (time.perf_counter() - start)
    print(f"{'build the explorer (controls, first assessment)':58} {built:7.1f} ms")
    c = explorer.controls

    def toggler(name: str, a: object, b: object) -> Callable[[], object]:
        state = {"flip": False}

        def action() -> object:
            state["flip"] = not state["flip"]
            c[name].value = a if state["flip"] else b
            return explorer.assessment

        return action

    explorer.show_panel("issuance")
    changes = {
        "recipients europe <-> all": toggler("recipients", "all", "chosen"),
        "offence fraud <-> tax offence": toggler("offence", "tax_offence", "fraud"),
        "refugee status none <-> recognised": toggler("refugee_status", "recognised", ""),
        "political indicators": toggler("political_context", ("critic_of_government",), ()),
        "maximum penalty 10 <-> 1 year": toggler("max_penalty_years", "1", "10"),
        "assess as of 2025-03-01 <-> 2026-06-01": toggler(
            "as_of", "2026-06-01", "2025-03-01"  # a date box holds the text typed
        ),
    }
    counter = {"years": 2.0}

    def new_penalty() -> object:
        counter["years"] += 0.5  # a value never seen before: nothing can come from a cache
        c["max_penalty_years"].value = str(counter["years"])
        return explorer.assessment

    changes["maximum penalty, a new value every time"] = new_penalty
    panels = list(explorer.panels)
    overall: list[float] = []
    for panel in panels:
        explorer.show_panel(panel)
        print(f"\nA control change, the {panel} tab on screen (that tab redrawn):")
        on_screen: list[float] = []
        for label, action in changes.items():
            action()  # warm up
            samples = _time(action, repeat)
            on_screen += samples
            if panel == panels[0]:
                _report("  " + label, samples)
        overall += on_screen
        _report(f"  ALL CHANGES, {panel} tab on screen", on_screen)
    print()
    _report("Every change with every tab on screen", overall)

    print("\nOpening a tab after a change:")
    for panel in panels:
        samples = []
        for _ in range(max(3, repeat // 4)):
            explorer.show_panel(panels[0] if panel != panels[0] else panels[1])
            changes["recipients europe <-> all"]()
            begin = time.perf_counter()
            explorer.show_panel(panel)
            samples.append((time.perf_counter() - begin) * 1000)
        _report(f"  open the {panel} tab", samples)

    print("\nEverything at once (the outcome line and every panel redrawn, forced):")
    _report("  draw_all()", _time(explorer.draw_all, repeat))

    print("\nThe printable matplotlib figures, drawn only on request:")
    for name in ("map", "grounds", "route"):
        explorer.show_panel(name)
        button = c[f"draw_{name}"]
        _report(f"  click '{button.description}'", _time(button.click, 3))


if __name__ == "__main__":
    main()
