"""Write docs/sources.md: every source the catalogue and the data files cite, by kind.

    python scripts/sources.py          # rewrite docs/sources.md
    python scripts/sources.py --check  # exit 1 if docs/sources.md is out of date

Sources are read from ``data/rules/*.yaml`` (each rule's ``url``) and from the source columns
of ``data/*.csv``. Each URL is grouped by the kind of publisher (official text, mirror or
republication of an official text, practitioner or advocacy blog, press, other), with what
cites it. Where the package relies on a mirror or a blog for something an official body
publishes, the official source is named. The brief ids in the catalogue's ``brief:`` keys are
for maintainers and are not copied here.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TARGET = ROOT / "docs" / "sources.md"
URL = re.compile(r"https?://[^\s;|,<>\"']+")

CCF_PUBLICATIONS = (
    "https://www.interpol.int/About-INTERPOL/Commission-for-the-Control-of-Files-CCF/"
    "Legal-texts-and-studies/Publications-of-the-Commission"
)
RPD_PDF = "https://www.interpol.int/content/download/5694/file/26%20E%20RulesProcessingData_RPD.pdf"
STATUTE_PDF = (
    "https://www.interpol.int/content/download/5695/file/Statute%20of%20the%20CCF%20%28E%29.pdf"
)

# Publishers of official texts (legislation, courts, INTERPOL, governments, UN agencies).
OFFICIAL = (
    "interpol.int", "interpol.com", "legislation.gov.uk", "curia.europa.eu", "eur-lex.europa.eu",
    "ejn-crimjust.europa.eu", "fra.europa.eu", "commission.europa.eu",
    "european-union.europa.eu", "home-affairs.ec.europa.eu", "irishstatutebook.ie",
    "revisedacts.lawreform.ie", "gesetze-bayern.de", "ag.gov.au", "ejpd.admin.ch",
    "justice.gov", "ice.gov", "rcmp-grc.gc.ca", "www.loc.gov", "adpolice.gov.ae", "police.ge",
    "unhcr.org",
)  # fmt: skip
# Copies of someone else's document, with where the original is published.
MIRRORS = {
    "github.com/edvandroadolfopereira-bot": (
        "text extraction of INTERPOL's official PDFs (RPD and CCF Statute, 2025 texts)",
        f"{RPD_PDF} ; {STATUTE_PDF}",
    ),
    "github.com": (
        "copy of a public dataset or page kept on GitHub (a Wikipedia snapshot of INTERPOL's "
        "member list, an ISO country list)",
        "none used: INTERPOL publishes no member list with dates; ISO 3166 via pycountry",
    ),
    "europeancourt.org": (
        "mirror of CCF decision excerpts and INTERPOL texts",
        f"the CCF's publications on interpol.int: {CCF_PUBLICATIONS}",
    ),
    "pdfslide.net": (
        "document-sharing copy",
        f"INTERPOL's legal texts on interpol.int ({STATUTE_PDF})",
    ),
    "docslib.org": (
        "document-sharing copy of an INTERPOL annual report",
        "INTERPOL's annual reports on interpol.int",
    ),
    "doczz.net": ("document-sharing copy", "the original publisher's site"),
    "fdocuments.us": ("document-sharing copy", "the original publisher's site"),
    "scribd.com": (
        "document-sharing copy of an INTERPOL annual report",
        "INTERPOL's annual reports on interpol.int",
    ),
    "eurotoday.net": (
        "copy of a Politico Europe op-ed quoting INTERPOL's 2021 figures",
        "Politico Europe (original URL not recorded); INTERPOL's own table was not read",
    ),
    "muhaz.org": ("copy of a European Commission notice", "EUR-Lex (https://eur-lex.europa.eu)"),
    "securengin.fifthestate.nz": (
        "republished INTERPOL press release",
        "INTERPOL's news pages on interpol.int",
    ),
    "hstoday.us": (
        "republished INTERPOL statement (Russia, March 2022)",
        "INTERPOL's news pages on interpol.int",
    ),
    "arquivo.pt": ("web-archive copy of a page", "the archived page's original site"),
    "french-business-law.com": (
        "unofficial English translation of the French Code of Criminal Procedure",
        "Légifrance (https://www.legifrance.gouv.fr)",
    ),
    "ihl-databases.icrc.org": (
        "ICRC compilation of national legislation and practice",
        "each country's official gazette",
    ),
}
BLOGS = (
    "rednoticelawjournal.com", "rednoticemonitor.com", "kingsleynapley.co.uk", "aliyildizlegal.com",
    "petersandpeters.com", "corkerbinning.com", "bsblaw.co.uk", "9bri.com", "5sah.co.uk",
    "ngm.com.au", "otherside.law", "eclan.eu", "linklaters.com", "fairtrials.org",
    "rednoticeabuse.com", "intercollegium.com", "kaarls-strafrechtadvocaten.nl",
    "auslieferungsverfahren.de", "criminal-solicitor-london.squarespace.com", "taglaw.com",
    "advocate123.ru", "turkhukuksitesi.com", "libertymundo.com", "heritage.org", "fcpablog.com",
    "jdsupra.com", "lexology.com", "handbook.ecba-eaw.org", "jusbrasil.com.br",
    "actu-juridique.fr", "courtverdict.com", "blogs.loc.gov", "mondaq.com", "gherson.com",
    "wistev.de",
)  # fmt: skip

KINDS = (
    ("primary", "Official texts and publishers", "official"),
    ("primary", "Mirrors and copies (with the official source where one exists)", "mirror"),
    ("secondary", "Practitioner, law-firm, think-tank and advocacy write-ups", "blog"),
    ("secondary", "Press and other pages", "press"),
)


def _host(url: str) -> str:
    host = url.split("/")[2].lower()
    return host[4:] if host.startswith("www.") else host


def _matches(url: str, domain: str) -> bool:
    if "/" in domain:
        return url.split("://", 1)[1].startswith(domain)
    host = _host(url)
    return host == domain or host.endswith("." + domain)


def kind_of(url: str) -> tuple[str, str]:
    """(kind, note): official, mirror (note = what it copies and the official source), blog
    or press."""
    for domain, (what, official) in MIRRORS.items():
        if _matches(url, domain):
            return "mirror", f"{what}; official source: {official}"
    if any(_matches(url, domain) for domain in OFFICIAL):
        return "official", ""
    if any(_matches(url, domain) for domain in BLOGS):
        return "blog", ""
    return "press", ""


def blog_note(uses: set[str]) -> str:
    """For a write-up of published figures: whose figures they are and where those are
    officially published."""
    metrics = [use.split(": ", 1)[1] for use in uses if use.startswith("`statistics.csv`")]
    notes = []
    if any(metric.startswith("ccf_") for metric in metrics):
        notes.append(f"CCF figures: the CCF's annual reports ({CCF_PUBLICATIONS})")
    if any(not metric.startswith("ccf_") for metric in metrics):
        notes.append("INTERPOL figures: INTERPOL's annual reports or website (page not recorded)")
    return "; ".join(notes)


def collect() -> dict[str, set[str]]:
    """Every cited URL with what cites it."""
    cited: dict[str, set[str]] = defaultdict(set)
    for path in sorted((DATA / "rules").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for rule in document.get("rules", []) if isinstance(document, dict) else []:
            if not isinstance(rule, dict):
                continue
            where = ", ".join(
                str(rule[key]).strip() for key in ("instrument", "provision") if rule.get(key)
            )
            for url in URL.findall(str(rule.get("url") or "")):
                cited[url.rstrip(".")].add(f"rule `{rule.get('id')}` ({where})")
    keys = {
        "statistics.csv": lambda row: f"{row['metric']} ({row['year']})",
        "country_practice.csv": lambda row: f"country practice {row['alpha3']}",
        "ccf_decisions.csv": lambda row: f"CCF decision {row['decision_id']}",
        "member_countries.csv": lambda row: f"membership of {row['alpha3']}",
        "eu_schengen.csv": lambda row: f"{row['grouping']} membership of {row['alpha3']}",
        "territories.csv": lambda row: f"territory {row['alpha3']}",
    }
    for name, key in keys.items():
        with (DATA / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for column, value in row.items():
                    if column and ("source" in column or column == "url"):
                        for url in URL.findall(value or ""):
                            cited[url.rstrip(".")].add(f"`{name}`: {key(row)}")
    return cited


def _uses(uses: set[str]) -> str:
    shown = sorted(uses)
    text = "; ".join(shown[:4])
    return text + (f"; and {len(shown) - 4} more" if len(shown) > 4 else "")


def render() -> str:
    cited = collect()
    grouped: dict[str, list[tuple[str, str, set[str]]]] = defaultdict(list)
    for url, uses in cited.items():
        kind, note = kind_of(url)
        grouped[kind].append((url, note, uses))
    lines = [
        "# Sources",
        "",
        "<!-- Generated by scripts/sources.py from data/rules/*.yaml and data/*.csv; do not",
        "     edit by hand (tests/test_sources.py checks it is up to date). -->",
        "",
        "Every source the package's rule catalogue (`data/rules/*.yaml`) and data files",
        "(`data/*.csv`) cite, grouped by kind, with what cites it. **Primary** sources are the",
        "official texts themselves (INTERPOL's rules, statutes, court judgments, legislation,",
        "official pages), including copies of them kept elsewhere; **secondary** sources report",
        "or comment on them.",
        "",
        "Where the package relies on a mirror or a blog, this page says so and names the",
        "official source where one exists. Two mirrors carry most of the law: the 2025 texts of",
        "the RPD and the CCF Statute were read as text extractions of INTERPOL's official PDFs",
        f"kept on GitHub (official: [RPD]({RPD_PDF}), [CCF Statute]({STATUTE_PDF})), and the",
        "CCF's decision excerpts were read on europeancourt.org (official: the CCF's",
        f"[publications page]({CCF_PUBLICATIONS})). Most published figures (INTERPOL's counts",
        "of notices, diffusions and refusals; the CCF's caseload) reach the package through",
        "law-firm or monitoring blogs that summarise INTERPOL's and the CCF's annual reports;",
        "the CCF publishes its annual activity reports on the publications page above.",
        "",
        f"{len(cited)} sources in all.",
        "",
    ]
    current = ""
    for heading_kind, heading, kind in KINDS:
        if heading_kind != current:
            current = heading_kind
            lines += [f"## {heading_kind.capitalize()} sources", ""]
        rows = sorted(grouped.get(kind, []), key=lambda item: (_host(item[0]), item[0]))
        lines += [f"### {heading} ({len(rows)})", ""]
        if kind == "mirror":
            lines += ["| Source | Cited for | What it is; official source |", "|---|---|---|"]
        elif kind == "blog":
            lines += ["| Source | Cited for | Whose figures; official source |", "|---|---|---|"]
        else:
            lines += ["| Source | Cited for |", "|---|---|"]
        for url, note, uses in rows:
            cell = f"[{_host(url)}]({url})"
            used = _uses(uses).replace("|", "/")
            if kind == "mirror":
                lines.append(f"| {cell} | {used} | {note.replace('|', '/')} |")
            elif kind == "blog":
                lines.append(f"| {cell} | {used} | {blog_note(uses) or '—'} |")
            else:
                lines.append(f"| {cell} | {used} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/sources.md is out of date: run python scripts/sources.py")
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    temporary = TARGET.with_suffix(".md.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
