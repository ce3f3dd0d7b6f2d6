"""The content model: what a report says, as a structured document, before any format.

A :class:`Memo` is a title, a notice and a list of :class:`Section` values; a section holds
blocks (paragraphs, bullet lists, labelled fields, the facts, tables, grounds, figures), and
the text of a block is a tuple of inline pieces: :class:`Span` (words with a role: plain,
strong, code, a flag, a link, an estimated date, a deadline) and :class:`Rules` (rule ids,
each with the verification status the assessment recorded). The section modules
(``section_*.py``) build these from an Assessment; each renderer (text, Markdown, HTML, Word)
only says how a block and a role look in its format.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from diffusion_scenarios._base.fast_dataclass import dataclass, field

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment


@dataclass(frozen=True, slots=True)
class Span:
    """Words with a role. ``style`` is one of:

    ``plain``; ``strong``; ``em``; ``muted`` (secondary detail); ``detail`` (secondary words
    set apart below the main ones); ``item`` (one of a list of reasons); ``risk`` (an arrest
    risk, which the explorer shows in its colour); ``code`` (an id or a field path); ``flag``
    (UNVERIFIED);
    ``link`` (a source URL); ``estimated`` (a date the model estimated); ``deadline`` (a date
    fixed by a rule); ``xref`` (a pointer to another section: ``target`` is its anchor).
    """

    text: str
    style: str = "plain"
    target: str = ""


@dataclass(frozen=True, slots=True)
class RuleRef:
    """A cited rule id with the verification status the assessment recorded."""

    id: str
    verification: str

    @property
    def status(self) -> str:
        """The verification as shown: ``secondary``, or ``UNVERIFIED`` in capitals."""
        return "UNVERIFIED" if self.verification == "unverified" else self.verification

    @property
    def words(self) -> str:
        """``"rpd-83 (secondary)"``, ``"rpd-34-3 (UNVERIFIED)"``."""
        return f"{self.id} ({self.status})"


@dataclass(frozen=True, slots=True)
class Rules:
    """The rules a point rests on, in the order cited."""

    refs: tuple[RuleRef, ...]

    @property
    def text(self) -> str:
        """``"rpd-83 (secondary), rpd-34-3 (UNVERIFIED)"``, or ``"no rule cited"``."""
        return ", ".join(ref.words for ref in self.refs) if self.refs else "no rule cited"

    @property
    def unverified(self) -> bool:
        return any(ref.verification == "unverified" for ref in self.refs)


Inline = Span | Rules


Text = tuple[Inline, ...]


def rules(assessment: Assessment, rule_ids: Iterable[str]) -> Rules:
    """The rule ids with their verification, as the assessment recorded it."""
    return Rules(tuple(RuleRef(rule, assessment.verification(rule)) for rule in rule_ids))


def plain(text: str) -> Text:
    return (Span(text),)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph. ``role``: ``""``; ``"outcome"``, the headline of the likely outcome;
    ``"summary"``, the outcome's summary set larger; ``"note"``, a note set in italics;
    ``"lead"``, a line of the report's opening, set flush with the title; ``"intro"``, the
    words that introduce the list after them; ``"empty"``, a list's place when it has nothing
    to list; ``"more"``, how much of a list was left out; ``"aside"``, a remark after a table."""

    text: Text
    role: str = ""


@dataclass(frozen=True, slots=True)
class BulletItem:
    text: Text
    children: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bullet list (empty: nothing is shown); an item may hold a list of its own.
    ``level`` 2: the list sits under the paragraph before it (the text report indents it)."""

    items: tuple[BulletItem, ...]
    level: int = 1


@dataclass(frozen=True, slots=True)
class Fields:
    """Labelled values: ``Kind: red notice``."""

    items: tuple[tuple[str, Text], ...]


@dataclass(frozen=True, slots=True)
class FactGroup:
    """One group of the facts as given, with its title: label and value, both plain words."""

    title: str
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a caption (shown by the formats that caption tables) and header."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Text, ...], ...]
    css_class: str = ""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading inside a section: ``level`` 3 under the section, 2 beside it."""

    text: str
    level: int = 3
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class GroundItem:
    """A ground for deletion or correction: its name, id, strength, rules and reasons."""

    name: str
    id: str
    strength: str
    rules: Rules
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture of the assessment: ``kind`` names the chart (``circulation_map``,
    ``route_timeline``, ``grounds_chart``); formats without pictures leave it out."""

    kind: str
    description: str
    caption: str


Block = Paragraph | Bullets | Fields | FactGroup | Table | Heading | GroundItem | Figure


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the memo. ``placeholder``: it has nothing of its own and its blocks only
    say so; a format with a table of contents keeps it, the others leave it out."""

    anchor: str
    title: str
    blocks: tuple[Block, ...]
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Memo:
    title: str
    scenario_id: str
    as_of: _dt.date
    notice: str
    sections: tuple[Section, ...] = field(default=())


def bullets(items: Iterable[str]) -> Bullets:
    return Bullets(tuple(BulletItem(plain(item)) for item in items))


def rules_line(assessment: Assessment, rule_ids: Iterable[str]) -> Paragraph:
    return Paragraph((Span("Rules: ", "strong"), rules(assessment, rule_ids)))
