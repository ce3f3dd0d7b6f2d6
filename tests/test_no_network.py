"""The package never opens a network connection: client facts stay on the machine.

Importing the package, reading every piece of reference data, loading every built-in
scenario and assessing each one run in a fresh interpreter in which every way of opening
a socket to another machine raises. A fresh process is used so that nothing imported
earlier by other tests hides an import-time connection.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

GUARD = textwrap.dedent(
    """
    import socket

    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[:2])
        raise OSError("network access attempted by diffusion-scenarios")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.socket.sendto = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    socket.gethostbyname = refuse
    """
)

BODY = textwrap.dedent(
    """
    import datetime

    import diffusion_scenarios as ds
    from diffusion_scenarios._law import countries as _countries
    from diffusion_scenarios._law import reference as _reference
    from diffusion_scenarios._law.rules import catalogue

    day = datetime.date(2025, 1, 1)
    _countries.members_on(day)
    for region in ("africa", "americas", "asia_south_pacific", "europe",
                   "middle_east_north_africa", "eu", "schengen"):
        _countries.region_members(region, day)
    for code in _countries.all_country_codes():
        _countries.country_name(code)
        _reference.country_practice(code)
    _reference.statistics()
    catalogue()
    scenarios = ds.builtin_scenarios()
    assert scenarios
    assessed = 0
    for scenario in scenarios.values():
        ds.assess(scenario).to_dict()
        assessed += 1
    assert not attempts, attempts
    print(f"ok {len(scenarios)} {assessed}")
    """
)


def test_nothing_opens_a_socket_while_reading_data_and_assessing_builtins() -> None:
    result = subprocess.run(
        [sys.executable, "-c", GUARD + BODY],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    words = result.stdout.split()
    assert words[0] == "ok"
    loaded, assessed = int(words[1]), int(words[2])
    assert loaded >= 7
    assert assessed == loaded  # the engine exists now, so every built-in is assessed


def test_the_guard_itself_catches_a_connection() -> None:
    probe = GUARD + textwrap.dedent(
        """
        import urllib.request
        try:
            urllib.request.urlopen("http://example.invalid/", timeout=1)
        except OSError:
            pass
        assert attempts, "the guard did not see the attempt"
        print("caught")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "caught", result.stderr[-2000:]
