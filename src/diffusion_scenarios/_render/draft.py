"""A training draft of a request to the CCF, built from one assessment.

:func:`draft_content` turns an :class:`~diffusion_scenarios.Assessment` and the kind of
request (``access``, ``deletion``, ``correction``, ``provisional_measures``, ``revision``)
into a structured :class:`Draft`; :func:`render_markdown` and
:mod:`diffusion_scenarios._render.draft_word` render it. Nothing here decides the law: the
grounds, their strength, rules and reasons are the assessment's; the precedents are its
similar decisions (``_engine/similar.py``).

The structure follows what the legal brief shows of the CCF's requirements: standing and
representation (Statute Art 29, the admissibility requirements), the data concerned, what
is asked, the facts in numbered paragraphs, each ground in its own section (Article 3 first
when it is argued, then the strongest), the urgency for provisional measures (Art 37), the
new fact and its discovery for a revision (Art 42; since March 2026 a two-page summary goes
first), the documents to attach per ground, and the deadlines that follow from filing
(Arts 32 and 40). Where the facts are silent the draft writes ``[what to fill in]``.

Which requests fit the facts (:func:`check_request`):

* ``revision`` needs an earlier CCF decision (``case.prior_ccf_decision``) that kept the
  data: refused otherwise, since only a decision can be revised and a deletion leaves the
  applicant nothing to revise;
* ``correction``, ``deletion`` and ``provisional_measures`` need data on file: refused when
  the data never circulated, the day is before their issue date, or an earlier CCF decision
  already had them deleted;
* ``provisional_measures`` is **allowed with a warning** when the facts show nothing urgent:
  Article 37 sets no test (brief, section 12.2), so refusing would invent one; the urgency
  section is then left in brackets for the lawyer;
* ``access`` always fits (it asks whether data exist and need not give reasons).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diffusion_scenarios._engine.stage import add_months, long_date
from diffusion_scenarios._law.vocab import GROUND_LABELS
from diffusion_scenarios._render.wording import KIND_WORDS, OUTCOME_RESULTS
from diffusion_scenarios.errors import DiffusionScenariosError

if TYPE_CHECKING:
    from diffusion_scenarios._engine.assessment import Assessment, Citation, Ground
    from diffusion_scenarios._facts.scenario import Scenario

__all__ = [
    "ALWAYS_ATTACHED",
    "DOCUMENT_KINDS",
    "REQUESTS",
    "TRAINING",
    "Block",
    "Draft",
    "DraftRefusedError",
    "check_request",
    "document_kinds",
    "draft_content",
    "render_markdown",
    "suggested_request",
]

Date = _dt.date

#: The requests a draft can be made for.
REQUESTS = ("access", "deletion", "correction", "provisional_measures", "revision")

#: The words on every page of a draft.
TRAINING = "Training draft, not legal advice"

_REQUEST_TITLES = {
    "access": "Request for access to data",
    "deletion": "Request for the deletion of data",
    "correction": "Request for the correction of data",
    "provisional_measures": "Request for provisional measures and for the deletion of data",
    "revision": "Application for revision of a decision",
}

# Words a page of arguments holds (A4, 10.5 pt, as the Word draft sets it), and a page of
# the revision summary.
_WORDS_PER_PAGE = 500
_REVISION_SUMMARY_PAGES = 2
_PORTAL_RULE = "ccf-filing-portal-only"
_POST_RULE = "ccf-filing-post-or-email"
_LIMITS_RULE = "ccf-operating-rules-2026-limits"
_GROUND_ORDER = {"strong": 0, "arguable": 1, "weak": 2}
_BRIEF_ID = re.compile(r"\s*[\[(](?:[A-Z]{1,5}-\d+[A-Za-z]?(?:[;,] ?)?)+[\])]")


class DraftRefusedError(DiffusionScenariosError):
    """The request does not fit the facts (one line: the request, the fact, the reason)."""


# --------------------------------------------------------------------------- the document


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the draft. ``kind``: ``heading`` (``level`` 1 or 2), ``numbered`` (a
    numbered paragraph), ``para``, ``bullet``, ``warning``, ``note`` or ``figure``
    (``text`` names the picture: ``route_timeline``)."""

    kind: str
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Draft:
    """A draft request: title, blocks in order, the documents to attach and the warnings."""

    title: str
    request: str
    scenario_id: str
    as_of: Date
    blocks: tuple[Block, ...]
    documents: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    argument_words: int = 0
    page_limit: int | None = None
    appendix_limit: int | None = None
    argued: tuple[str, ...] = field(default=())  # ground ids argued, in order


# --------------------------------------------------------------------------- fitting


def _on_file(assessment: Assessment) -> str:
    return assessment.on_file(assessment.as_of)


def urgent_facts(assessment: Assessment) -> tuple[str, ...]:
    """What makes the matter urgent, in words with dates: a trip ahead while the data are on
    file, a pending extradition, recognised refugee status, or urgency stated in the facts."""
    out: list[str] = []
    for trip in assessment.travel:
        if trip.date >= assessment.as_of and trip.notice_active and trip.arrest_risk != "none":
            out.append(
                f"a trip to {_country(trip.country, assessment.scenario)} on "
                f"{long_date(trip.date)}, where the "
                f"arrest risk is {trip.arrest_risk}"
            )
    scenario = assessment.scenario
    if scenario is not None:
        for e in scenario.case.extradition:
            if e.outcome == "pending":
                where = _country(e.country, assessment.scenario) if e.country else "[country]"
                when = long_date(e.date) if e.date else "[date of the next hearing]"
                out.append(f"extradition proceedings pending in {where} (hearing: {when})")
        refugee = scenario.person.refugee_status
        if refugee is not None and refugee.status == "recognised":
            out.append("the applicant is a recognised refugee")
        if scenario.challenge is not None and scenario.challenge.urgent:
            out.append("the facts state that the matter is urgent")
    return tuple(out)


def check_request(assessment: Assessment, request: str) -> str | None:
    """Why ``request`` does not fit the facts (one line), or ``None`` when it fits.

    Provisional measures with nothing urgent fit, with a warning in the draft."""
    if request not in REQUESTS:
        return f"--request: expected one of {', '.join(REQUESTS)}, found '{request}'"
    scenario = assessment.scenario
    if request == "revision" and (scenario is None or scenario.case.prior_ccf_decision is None):
        return (
            "revision: the facts give no earlier CCF decision (case.prior_ccf_decision); "
            "only a decision of the Requests Chamber can be revised (Statute Art 42)"
        )
    prior = scenario.case.prior_ccf_decision if scenario is not None else None
    if request == "revision" and prior is not None and prior.outcome == "not_compliant":
        return (
            "revision: the earlier CCF decision (case.prior_ccf_decision) already had the "
            "data deleted; there is nothing for the applicant to have revised"
        )
    if request in ("correction", "deletion", "provisional_measures"):
        state = _on_file(assessment)
        if state == "no_longer":
            deleted = assessment.circulation.active_until
            when = f" on {long_date(deleted)}" if deleted else ""
            return (
                f"{request}: the data were deleted{when} after the CCF's earlier decision, so "
                "there is nothing left to correct, delete or block; ask for access to check "
                "that they are gone"
            )
        if state == "never":
            return (
                f"{request}: the data were never recorded (the request was refused and never "
                "circulated), so there is nothing to correct, delete or block; ask for access "
                "instead"
            )
        if state == "not_yet":
            return (
                f"{request}: on {assessment.as_of.isoformat()} nothing is on file yet (the "
                f"data are dated {long_date(_issued(assessment))}); choose a later --as-of "
                "or ask for access"
            )
    return None


def suggested_request(assessment: Assessment) -> str:
    """The request that fits the facts best: provisional measures when something is urgent,
    a revision or correction when the facts ask for one, else deletion, else access."""
    scenario = assessment.scenario
    asked = scenario.challenge.requests if scenario and scenario.challenge else ()
    order = []
    if urgent_facts(assessment):
        order.append("provisional_measures")
    if "revision" in asked:
        order.append("revision")
    if "correction" in asked and "deletion" not in asked:
        order.append("correction")
    order += ["deletion", "access"]
    return next(r for r in order if check_request(assessment, r) is None)


def _issued(assessment: Assessment) -> Date:
    scenario = assessment.scenario
    if scenario is not None:
        return scenario.notice.issued_on
    return assessment.circulation.active_from or assessment.as_of


# --------------------------------------------------------------------------- words


def _country(code: str | None, scenario: Scenario | None = None) -> str:
    """A country's name; an assumed requesting state reads "State A (assumed: Kyrgyzstan)"."""
    from diffusion_scenarios._facts.naming import country_shown

    if not code:
        return "[country]"
    try:
        return country_shown(scenario, code)
    except Exception:  # a code the table lacks: shown as given
        return code


def _clean(text: str) -> str:
    """An engine sentence without internal brief ids (interface 5 of the contracts)."""
    return " ".join(_BRIEF_ID.sub("", text).split())


def _cite(citation: Citation) -> str:
    """Instrument, provision and link; never the catalogue's id."""
    text = f"{citation.instrument}, {citation.provision}"
    if citation.verification == "unverified":
        text += " (NOT VERIFIED against an official text: check before relying on it)"
    elif citation.verification == "secondary":
        text += " (as reported by secondary sources)"
    if citation.url:
        text += f" <{citation.url}>"
    return text


def _rule(rule_id: str, day: Date | None) -> Citation | None:
    from diffusion_scenarios._law.rules import rule_citation

    try:
        return rule_citation(rule_id, day)
    except DiffusionScenariosError:
        return None


def _rule_text(rule_id: str, day: Date | None, fallback: str) -> str:
    citation = _rule(rule_id, day)
    return _cite(citation) if citation is not None else fallback


def _applies(rule_id: str, day: Date) -> bool:
    from diffusion_scenarios._law.rules import catalogue

    try:
        return catalogue().applies(rule_id, day)
    except DiffusionScenariosError:
        return False


def _limit(key: str, day: Date) -> int | None:
    from diffusion_scenarios._law.rules import catalogue

    if not _applies(_LIMITS_RULE, day):
        return None
    try:
        return int(catalogue().value(_LIMITS_RULE, key, day))
    except (DiffusionScenariosError, TypeError, ValueError):
        return None


def _or(value: str | None, blank: str) -> str:
    return value if value else f"[{blank}]"


# --------------------------------------------------------------------------- grounds


def argued_grounds(assessment: Assessment) -> tuple[Ground, ...]:
    """The grounds to argue: every strong or arguable one, Article 3 first when it is among
    them (the CCF examines the political character before the rest), then the strongest."""
    chosen = [g for g in assessment.grounds if g.strength in ("strong", "arguable")]
    order = {g.id: i for i, g in enumerate(assessment.grounds)}
    return tuple(
        sorted(
            chosen,
            key=lambda g: (
                not g.id.startswith("article3_"),
                _GROUND_ORDER.get(g.strength, 3),
                order[g.id],
            ),
        )
    )


#: The kinds of document a request attaches, in words (the drafting exercise offers these).
DOCUMENT_KINDS: dict[str, str] = {
    "identity": "an unredacted identity document of the applicant",
    "power_of_attorney": "the signed power of attorney (if represented)",
    "the_data": "any document showing the data (the notice or diffusion, the extract)",
    "political_evidence": "evidence of the applicant's political, religious, military or "
    "ethnic position (membership, public statements, press coverage) and reports on the "
    "treatment of people in that position in the requesting state",
    "rights_evidence": "court decisions, medical or NGO reports showing the risk of "
    "ill-treatment or the unfair trial",
    "in_absentia_judgment": "the judgment given in absentia and proof of how the applicant "
    "was (not) notified",
    "refugee_certificate": "the refugee certificate or decision granting protection",
    "extradition_refusal": "the decision refusing extradition",
    "residence_known": "proof that the requesting state knows where the applicant lives",
    "private_matter_papers": "contracts, civil judgments or settlement papers showing the "
    "private or minor nature of the matter",
    "family_court": "the family court's decisions (custody, divorce)",
    "national_case_papers": "the warrant, charging document or court decision, and the "
    "national law relied on",
    "correct_information": "documents proving the correct information",
    "final_judgment": "the final judgment given elsewhere for the same acts",
    "ncb_correspondence": "any correspondence with the source NCB",
    "translations": "certified translations into a working language of every document in "
    "another language",
}
#: Attached to every request, whatever its grounds.
ALWAYS_ATTACHED = ("identity", "power_of_attorney", "the_data")


def document_kinds(ground: Ground, scenario: Scenario | None) -> list[str]:
    """The kinds of document (keys of :data:`DOCUMENT_KINDS`) that ``ground`` calls for."""
    gid = ground.id
    case = scenario.case if scenario is not None else None
    kinds: list[str] = []
    if gid.startswith("article3_"):
        kinds.append("political_evidence")
    if gid in ("article2_human_rights", "fair_trial"):
        kinds.append("rights_evidence")
        if case is not None and case.in_absentia:
            kinds.append("in_absentia_judgment")
    if gid == "refugee_status":
        kinds.append("refugee_certificate")
    if gid == "extradition_refused":
        kinds.append("extradition_refusal")
    if gid == "lack_of_extradition_action":
        kinds.append("residence_known")
    if gid in ("private_dispute", "international_interest", "penalty_threshold"):
        kinds.append("private_matter_papers")
    if gid == "family_matter":
        kinds.append("family_court")
    if gid in ("warrant_invalid", "limitation_expired", "insufficient_judicial_data"):
        kinds.append("national_case_papers")
    if gid == "data_accuracy":
        kinds.append("correct_information")
    if gid == "purpose_invalid" and case is not None and case.final_judgment is not None:
        kinds.append("final_judgment")
    if gid == "ncb_non_cooperation":
        kinds.append("ncb_correspondence")
    return kinds


def _documents_for(ground: Ground, scenario: Scenario | None) -> list[str]:
    """The documents ``ground`` calls for, in words, with the facts' names and dates."""
    docs: list[str] = []
    case = scenario.case if scenario is not None else None
    for kind in document_kinds(ground, scenario):
        if kind == "refugee_certificate":
            refugee = scenario.person.refugee_status if scenario is not None else None
            by = (
                _country(refugee.granted_by, scenario)
                if refugee and refugee.granted_by
                else "[granting state]"
            )
            when = long_date(refugee.granted_on) if refugee and refugee.granted_on else "[date]"
            docs.append(f"{DOCUMENT_KINDS[kind]} ({by}, {when})")
        elif kind == "extradition_refusal":
            refusals = [e for e in case.extradition if e.outcome == "refused"] if case else []
            if not refusals:
                docs.append(f"{DOCUMENT_KINDS[kind]} [court, date]")
            for e in refusals:
                when = long_date(e.date) if e.date else "[date]"
                docs.append(f"{DOCUMENT_KINDS[kind]} ({_country(e.country, scenario)}, {when})")
        else:
            docs.append(DOCUMENT_KINDS[kind])
    if not docs:
        label = GROUND_LABELS.get(ground.id, ground.label or ground.id)
        docs.append(
            f"the documents that prove the facts relied on for: {label[:1].lower()}{label[1:]}"
        )
    return docs


# --------------------------------------------------------------------------- facts


def _facts(assessment: Assessment) -> list[str]:
    """The facts as numbered paragraphs, in the order a lawyer tells them."""
    s = assessment.scenario
    kind = KIND_WORDS.get(assessment.issuance.kind, assessment.issuance.kind)
    requesting = _country(assessment.requesting_country, assessment.scenario)
    if s is None:
        return [
            f"A {kind} was recorded at the request of {requesting}.",
            "[The facts of the case.]",
        ]
    out: list[str] = []
    person = s.person
    nat = ", ".join(_country(n, s) for n in person.nationalities) or "[nationality]"
    res = _country(person.residence, s) if person.residence else "[country of residence]"
    profile = ", ".join(p.replace("_", " ") for p in person.profile if p != "other")
    out.append(
        f"The applicant is a national of {nat}, living in {res}"
        + (f" ({profile})." if profile else ".")
    )
    refugee = person.refugee_status
    if refugee is not None:
        by = _country(refugee.granted_by, s) if refugee.granted_by else "[state]"
        when = f" on {long_date(refugee.granted_on)}" if refugee.granted_on else ""
        status = {
            "recognised": f"was recognised as a refugee by {by}{when}",
            "asylum_seeker": f"has applied for asylum in {by}",
            "refused": f"was refused asylum by {by}{when}",
            "revoked": f"had refugee status, revoked by {by}{when}",
        }.get(refugee.status, refugee.status)
        fear = (
            f", fearing persecution by {_country(refugee.feared_persecution_from, s)}"
            if refugee.feared_persecution_from
            else ""
        )
        out.append(f"The applicant {status}{fear}.")
    notice = s.notice
    out.append(
        f"On {long_date(notice.issued_on)} the NCB of {requesting} had a {kind} recorded in "
        f"INTERPOL's Information System about the applicant"
        + (f", for the purpose of {notice.purpose}" if notice.purpose else "")
        + ". [INTERPOL reference, if known.]"
    )
    if notice.red_notice_refused_on is not None:
        out.append(
            f"A red notice on the same facts was refused at screening on "
            f"{long_date(notice.red_notice_refused_on)}, before this diffusion was sent."
        )
    case = s.case
    offence = case.offence.replace("_", " ") if case.offence else "[offence]"
    stage = {"prosecution": "is prosecuted", "sentence": "was sentenced"}.get(
        case.stage or "", "is sought"
    )
    summary = case.offence_summary.rstrip(".") if case.offence_summary else ""
    if case.offence == "other" and summary:
        out.append(f"In {requesting} the applicant {stage} for the following: {summary}.")
    else:
        out.append(
            f"In {requesting} the applicant {stage} for {offence}"
            + (f": {summary}." if summary else ".")
        )
    if case.amount_usd is not None:
        out.append(f"The amount at stake is about USD {case.amount_usd:,.0f}.")
    if case.arrest_warrant is not None:
        when = (
            f" issued on {long_date(case.arrest_warrant.issued_on)}"
            if case.arrest_warrant.issued_on
            else ""
        )
        valid = {True: "", False: ", which is no longer valid", None: ""}[case.arrest_warrant.valid]
        out.append(f"The request rests on an arrest warrant{when}{valid}.")
    if case.origin and case.origin != "none":
        out.append(f"The case arose from a {case.origin.replace('_', ' ')}.")
    if case.political_context:
        items = "; ".join(p.replace("_", " ") for p in case.political_context)
        out.append(f"The political context: {items}.")
    if case.human_rights_concerns:
        items = "; ".join(h.replace("_", " ") for h in case.human_rights_concerns)
        out.append(f"Concerns for the applicant's rights: {items}.")
    if case.in_absentia:
        out.append(
            "The applicant was convicted in absentia"
            + (", with no retrial guaranteed." if case.retrial_guaranteed is False else ".")
        )
    for e in case.extradition:
        when = f" on {long_date(e.date)}" if e.date else ""
        grounds = f" ({e.grounds.replace('_', ' ')} grounds)" if e.grounds else ""
        outcome = {"refused": "refused", "granted": "granted", "pending": "is pending"}.get(
            e.outcome or "", "[outcome]"
        )
        out.append(
            f"Extradition to {requesting} from {_country(e.country, s)} "
            f"{outcome}{when}{grounds}."
        )
    if case.final_judgment is not None:
        fj = case.final_judgment
        when = f" on {long_date(fj.date)}" if fj.date else ""
        result = (fj.result or "[result]").replace("_", " ")
        out.append(
            f"A final judgment on the same acts was given in {_country(fj.country, s)}{when}: "
            f"{result}."
        )
    if case.prior_ccf_decision is not None:
        pd = case.prior_ccf_decision
        when = long_date(pd.date) if pd.date else "[date]"
        result = OUTCOME_RESULTS.get(pd.outcome or "", "[outcome]")
        out.append(f"The CCF decided on these data on {when}: {result}. [Decision reference.]")
    for trip in assessment.travel:
        if trip.date >= assessment.as_of:
            out.append(
                f"The applicant plans to travel to {_country(trip.country, s)} on "
                f"{long_date(trip.date)}."
            )
    return out


# --------------------------------------------------------------------------- the draft


def draft_content(
    assessment: Assessment,
    request: str,
    *,
    new_fact: str | None = None,
    discovered_on: Date | None = None,
) -> Draft:
    """The draft of ``request`` for the facts and findings of ``assessment``.

    Raises:
        DraftRefusedError: the request does not fit the facts (see :func:`check_request`).
    """
    problem = check_request(assessment, request)
    if problem is not None:
        raise DraftRefusedError(problem)
    day = assessment.as_of
    scenario = assessment.scenario
    challenge = scenario.challenge if scenario is not None else None
    if discovered_on is None and challenge is not None:
        # the scenario's own fact (challenge.new_fact_discovered_on) unless the caller gives one
        discovered_on = challenge.new_fact_discovered_on
    filed = challenge.filed_on if challenge is not None and challenge.filed_on else None
    filing_day = filed if filed is not None and filed >= day else day
    blocks: list[Block] = []
    warnings: list[str] = []
    add = blocks.append
    kind = KIND_WORDS.get(assessment.issuance.kind, assessment.issuance.kind)
    requesting = _country(assessment.requesting_country, assessment.scenario)

    # Filing channel and limits.
    if _applies(_PORTAL_RULE, filing_day):
        add(
            Block(
                "note",
                (
                    "How to file: since 26 March 2026 requests, revision applications included, go "
                    "to the CCF only through its online portal; e-mail and post are refused unless "
                    "the CCF finds exceptional circumstances. The brief this package follows "
                    "does not show the portal's fields: copy each part of this draft into the "
                    "field that fits. " + _rule_text(_PORTAL_RULE, filing_day, "")
                ),
            )
        )
    else:
        add(
            Block(
                "note",
                (
                    f"How to file on {long_date(filing_day)}: by the CCF's application form, "
                    "sent by "
                    "post or e-mail (the online portal became the only channel on 26 March 2026). "
                    + _rule_text(_POST_RULE, filing_day, "")
                ),
            )
        )
    page_limit = _limit("pages", filing_day)
    appendix_limit = _limit("appendices", filing_day)

    # 1. Applicant and standing.
    add(Block("heading", "Applicant and standing"))
    person = scenario.person if scenario is not None else None
    nat = ", ".join(_country(n, scenario) for n in person.nationalities) if person else ""
    add(
        Block(
            "numbered",
            (
                f"The applicant, [full name], born on [date of birth], national of "
                f"{_or(nat, 'nationality')}, makes this request about data concerning them in "
                "INTERPOL's Information System, as any person may. "
                + _rule_text("ccf-statute-29-standing", day, "Statute of the CCF, Art. 29")
            ),
        )
    )
    add(
        Block(
            "numbered",
            (
                "The request is written in [English / French / Spanish / Arabic], one of the CCF's "
                "working languages, and signed by the applicant or the representative; an "
                "unredacted identity document is attached. "
                + _rule_text(
                    "ccf-admissibility-requirements", day, "CCF admissibility requirements"
                )
            ),
        )
    )

    # 2. Representative.
    add(Block("heading", "Representative and power of attorney"))
    add(
        Block(
            "numbered",
            (
                "The applicant is represented by [name, profession, address, e-mail], acting under "
                "the signed power of attorney attached. [Delete this paragraph if the applicant "
                "files in person. For a minor: proof of the relationship and the minor's identity "
                "document.] INTERPOL gives no legal aid."
            ),
        )
    )

    # 3. The data concerned.
    add(Block("heading", "The data concerned"))
    issued = (
        scenario.notice.issued_on if scenario is not None else assessment.circulation.active_from
    )
    add(
        Block(
            "numbered",
            (
                f"A {kind} recorded at the request of the National Central Bureau of {requesting}"
                + (f", issued on {long_date(issued)}" if issued else ", issued on [date]")
                + ", reference [INTERPOL reference, if known]"
                + (
                    "; an extract is public on INTERPOL's website."
                    if assessment.circulation.public
                    else "."
                )
            ),
        )
    )

    # 4. What is requested.
    add(Block("heading", "What is requested"))
    add(Block("numbered", _asked(request, assessment)))

    summary_words = 0
    if request == "revision":
        first_block = len(blocks)
        summary_first = _applies("ccf-operating-rules-2026-revision", filing_day)
        add(
            Block(
                "heading",
                "The new fact (summary of at most two pages, filed first)"
                if summary_first
                else "The new fact",
            )
        )
        prior = scenario.case.prior_ccf_decision if scenario is not None else None
        when = long_date(prior.date) if prior is not None and prior.date else "[date]"
        add(
            Block(
                "numbered",
                (
                    f"The decision of the Requests Chamber of {when} [reference] is challenged on "
                    "the discovery of a new fact that could have led to a different decision had "
                    "it been "
                    "known when the request was examined."
                ),
            )
        )
        add(
            Block(
                "numbered",
                "The new fact: "
                + (new_fact or "[describe the new fact and the document that proves it]")
                + ".",
            )
        )
        if discovered_on is not None:
            limit_day = add_months(discovered_on, 6)
            add(
                Block(
                    "numbered",
                    (
                        f"It was discovered on {long_date(discovered_on)}; this application is "
                        f"filed within six months of that day (by {long_date(limit_day)})."
                    ),
                )
            )
            if filing_day > limit_day:
                warnings.append(
                    f"revision: filed on {filing_day.isoformat()}, more than six months after "
                    f"the discovery ({discovered_on.isoformat()}): out of time"
                )
        else:
            add(
                Block(
                    "numbered",
                    (
                        "It was discovered on [date of discovery]; the application must be filed "
                        "within six months of that day."
                    ),
                )
            )
        add(
            Block(
                "numbered",
                (
                    (
                        "Since March 2026 the summary of the new fact goes in first, through "
                        "the portal; the full argument follows only if the CCF asks for it. "
                        if summary_first
                        else "The application sets out the new fact and the full argument. "
                    )
                    + _rule_text("ccf-statute-42-revision", day, "Statute of the CCF, Art. 42")
                    + (
                        "; "
                        + _rule_text(
                            "ccf-operating-rules-2026-revision",
                            day,
                            "CCF Operating Rules (2026)",
                        )
                        if summary_first
                        else ""
                    )
                ),
            )
        )
        summary_words = sum(len(b.text.split()) for b in blocks[first_block:])
        if summary_first:
            add(
                Block(
                    "note",
                    "The full argument below (facts and grounds) is sent only if the CCF "
                    "asks for it.",
                )
            )

    # 5. Facts.
    add(Block("heading", "The facts"))
    facts = [_clean(f) for f in _facts(assessment)]
    for fact in facts:
        add(Block("numbered", fact))
    argument_words = sum(len(f.split()) for f in facts)

    # Urgency or new fact.
    if request == "provisional_measures":
        add(Block("heading", "Why it is urgent"))
        urgent = urgent_facts(assessment)
        if urgent:
            for item in urgent:
                add(Block("numbered", f"Urgency: {item}."))
        else:
            warnings.append(
                "provisional measures: the facts show nothing urgent (no trip ahead, no "
                "pending extradition); the urgency is left in brackets"
            )
            add(
                Block(
                    "numbered",
                    "[The imminent harm, with its date: the trip, the "
                    "extradition hearing or the detention that makes it urgent.]",
                )
            )
        add(
            Block(
                "numbered",
                (
                    "The Requests Chamber may decide provisional measures at any time; the Statute "
                    "names no test, and in practice they are granted in urgent situations such as "
                    "imminent extradition or detention on INTERPOL's data. "
                    + _rule_text(
                        "ccf-statute-37-provisional-measures", day, "Statute of the CCF, Art. 37"
                    )
                ),
            )
        )
    # Grounds.
    grounds = argued_grounds(assessment)
    documents: list[str] = [DOCUMENT_KINDS[k] for k in ALWAYS_ATTACHED]
    if request == "access":
        add(Block("heading", "Reasons"))
        add(
            Block(
                "numbered",
                (
                    "An access request need not give reasons. [Once the data are known, the "
                    "grounds the facts suggest are: "
                    + (", ".join(GROUND_LABELS.get(g.id, g.label) for g in grounds) or "none yet")
                    + ".]"
                ),
            )
        )
    else:
        add(Block("heading", "Grounds"))
        if not grounds:
            add(
                Block(
                    "numbered",
                    "[The facts give no ground found strong or arguable: state "
                    "the reasons the data do not comply with INTERPOL's rules.]",
                )
            )
        for ground in grounds:
            words = _ground_section(assessment, ground, blocks)
            argument_words += words
            numbers = []
            for doc in _documents_for(ground, scenario):
                if doc not in documents:
                    documents.append(doc)
                numbers.append(str(documents.index(doc) + 1))
            add(Block("para", "Documents for this ground: appendix " + ", ".join(numbers) + "."))
        weak = [g for g in assessment.grounds if g.strength == "weak"]
        if weak:
            add(
                Block(
                    "note",
                    "Left out as weak on these facts (argue them only with more "
                    "evidence): " + "; ".join(GROUND_LABELS.get(g.id, g.label) for g in weak) + ".",
                )
            )
    documents.append(DOCUMENT_KINDS["translations"])

    # Documents.
    add(Block("heading", "Documents attached"))
    for number, doc in enumerate(documents, start=1):
        add(Block("bullet", f"Appendix {number}: {doc}"))

    # Deadlines.
    add(Block("heading", "Deadlines that follow from filing"))
    for line in _deadlines(request, filing_day, filed == filing_day):
        add(Block("bullet", line))
    add(Block("figure", "route_timeline"))

    add(Block("heading", "Signature"))
    add(Block("para", "[Place], [date]. [Signature of the applicant or of the representative]"))

    # Limits.
    pages = argument_words / _WORDS_PER_PAGE
    if request == "revision" and page_limit is not None:
        if summary_words > _REVISION_SUMMARY_PAGES * _WORDS_PER_PAGE:
            warnings.append(
                f"revision: the summary of the new fact runs to about "
                f"{summary_words / _WORDS_PER_PAGE:.1f} pages; the portal takes a two-page "
                "summary first"
            )
    elif page_limit is not None and pages > page_limit:
        warnings.append(
            f"the arguments run to about {pages:.1f} pages, over the limit of {page_limit}: "
            "shorten them"
        )
    if appendix_limit is not None and len(documents) > appendix_limit:
        warnings.append(
            f"{len(documents)} appendices, over the limit of {appendix_limit}: merge some"
        )
    if page_limit is not None:
        limits = (
            f"Limits on the day of filing: at most {page_limit} pages of arguments and "
            f"{appendix_limit} appendices (conditions of admissibility). This draft: about "
            f"{pages:.1f} pages of facts and arguments, {len(documents)} appendices. "
            + _rule_text(_LIMITS_RULE, filing_day, "")
        )
        blocks.insert(1, Block("note", limits))

    title = _REQUEST_TITLES[request]
    return Draft(
        title=title,
        request=request,
        scenario_id=assessment.scenario_id,
        as_of=day,
        blocks=tuple(blocks),
        documents=tuple(documents),
        warnings=tuple(warnings),
        argument_words=argument_words,
        page_limit=page_limit,
        appendix_limit=appendix_limit,
        argued=tuple(g.id for g in grounds) if request != "access" else (),
    )


def _asked(request: str, assessment: Assessment) -> str:
    if request == "access":
        return (
            "The applicant asks to know whether INTERPOL's Information System holds data "
            "about them and, if so, what they contain."
        )
    if request == "correction":
        return (
            "The applicant asks the Commission to find that the data do not comply with "
            "INTERPOL's rules as recorded and to have them corrected or completed as set out "
            "below, and the members that received them informed."
        )
    if request == "revision":
        return (
            "The applicant asks the Requests Chamber to revise its earlier decision on the "
            "discovery of a new fact and to find the data not compliant, so that they are "
            "deleted."
        )
    base = (
        "The applicant asks the Commission to find that the data do not comply with "
        "INTERPOL's rules and to have them deleted, and the members that received them "
        "informed so that they update their own records."
    )
    if request == "provisional_measures":
        base = (
            "As a provisional measure, pending the decision, the applicant asks that access "
            "to the data be blocked"
            + (" and the public extract removed" if assessment.circulation.public else "")
            + ", and that the request be examined with priority. "
            + base
        )
    return base


def _ground_section(assessment: Assessment, ground: Ground, blocks: list[Block]) -> int:
    """One ground: its rule and citation, the reasons, the precedents. Returns its words."""
    from diffusion_scenarios._engine.similar import supporting

    label = GROUND_LABELS.get(ground.id, ground.label or ground.id)
    blocks.append(Block("heading", label, 2))
    blocks.append(
        Block(
            "note",
            f"[Training note, delete before filing: the model finds this ground "
            f"{ground.strength} on these facts.]",
        )
    )
    words = 0
    for reason in ground.reasons:
        text = _clean(reason)
        blocks.append(Block("numbered", text))
        words += len(text.split())
    cited = []
    for rule_id in ground.citations:
        try:
            cited.append(_cite(assessment.citation(rule_id)))
        except KeyError:
            continue
    if cited:
        text = "The rule: " + "; ".join(dict.fromkeys(cited)) + "."
        blocks.append(Block("numbered", text))
        words += len(text.split())
    scenario = assessment.scenario
    precedents = (
        supporting(scenario, assessment.grounds, assessment.as_of, ground.id)
        if scenario is not None
        else ()
    )
    if precedents:
        items = "; ".join(
            f"{d.decision_id}{f' ({d.year})' if d.year else ''}, data deleted, "
            f"similarity {d.similarity:.2f} <{d.url}>"
            for d in precedents
        )
        text = f"Published decisions in point: {items}."
    else:
        text = (
            "[No published decision in the package shows this ground ending in deletion: "
            "search the CCF's published decision excerpts.]"
        )
    blocks.append(Block("numbered", text))
    return words + len(text.split())


def _deadlines(request: str, filing_day: Date, filed: bool) -> list[str]:
    when = long_date(filing_day) if filed else f"[date of filing; {long_date(filing_day)} assumed]"
    admissible_by = add_months(filing_day, 1)
    months = 4 if request == "access" else 9
    lines = [
        f"Filed on {when}.",
        f"The CCF says whether the request is admissible within one month of receipt: by "
        f"{long_date(admissible_by)}. "
        + _rule_text("ccf-admissibility-timing", filing_day, "Statute of the CCF, Art. 32(1)"),
        f"It decides within {months} months of admissibility: by about "
        f"{long_date(add_months(admissible_by, months))} if admissible on the last day. "
        + _rule_text(
            "ccf-statute-40-access" if request == "access" else "ccf-statute-40-deletion",
            filing_day,
            "Statute of the CCF, Art. 40",
        ),
        "The Requests Chamber may extend the time limit if it tells the parties and explains "
        "why; no maximum is set. "
        + _rule_text("ccf-statute-40-3-delays", filing_day, "Statute of the CCF, Art. 40(3)"),
    ]
    if request == "revision":
        lines.append("A revision application follows the same time limits (Statute Art 42(3)).")
    if request != "access":
        lines.append(
            "After the decision: a new fact discovered later can ground a revision within "
            "six months of its discovery."
        )
    return lines


# --------------------------------------------------------------------------- Markdown


_LINK = re.compile(r"(<https?://[^\s<>]+>)")


def _md(text: str) -> str:
    """Text for Markdown: markup characters escaped, except inside ``<https://...>`` links."""
    parts = _LINK.split(text)
    return "".join(
        part if i % 2 else re.sub(r"([\\`*_#|])", r"\\\1", part) for i, part in enumerate(parts)
    )


def render_markdown(draft: Draft) -> str:
    """The draft as Markdown: numbered paragraphs run through the whole request."""
    lines = [
        f"# {draft.title}",
        "",
        f"> **{TRAINING}.** Generated by diffusion-scenarios from scenario "
        f"`{draft.scenario_id}` as of {draft.as_of.isoformat()}, for training: check every "
        "fact and rule, and fill in everything in [brackets].",
        "",
    ]
    for warning in draft.warnings:
        lines += [f"> **Warning:** {_md(warning)}", ""]
    number = 0
    section = 0
    for block in draft.blocks:
        if block.kind == "heading" and block.level == 1:
            section += 1
            lines += [f"## {section}. {_md(block.text)}", ""]
        elif block.kind == "heading":
            lines += [f"### {_md(block.text)}", ""]
        elif block.kind == "numbered":
            number += 1
            lines += [f"{number}\\. {_md(block.text)}", ""]
        elif block.kind == "bullet":
            lines.append(f"- {_md(block.text)}")
        elif block.kind == "note":
            lines += [f"*{_md(block.text)}*", ""]
        elif block.kind == "figure":
            lines += ["", "*(The Word draft shows the route with its dates here.)*", ""]
        else:
            lines += [_md(block.text), ""]
    lines += ["", "---", "", f"*{TRAINING}.*", ""]
    return "\n".join(_tidy(lines))


def _tidy(lines: Iterable[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        if line.startswith("- ") or not (out and out[-1].startswith("- ")) or line == "":
            out.append(line)
        else:
            out += ["", line]
    return out
