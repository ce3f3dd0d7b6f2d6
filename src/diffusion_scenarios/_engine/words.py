"""The words the engine writes into its own sentences, which are part of the JSON.

The engine writes some English itself (an outcome's summary "Likely deleted: ...", the
Article 2 reason, "the red notice is issued on ..."). The words those sentences need for a
vocabulary id live here, in the engine, so that the engine never imports the renderers
(the layers point one way: ``_law`` <- ``_facts`` <- ``_engine`` <- ``_render``). The
renderers reuse the same tables through :mod:`diffusion_scenarios._render.wording`, so a
word is still written once. Every other display word is in that module.
"""

from __future__ import annotations

from diffusion_scenarios._law.outcomes import words_in

__all__ = ["HUMAN_RIGHTS_CONCERN_WORDS", "KIND_WORDS", "OUTCOME_LIKELY_WORDS", "OUTCOME_RESULTS"]

#: The notice kind in running text: "the red notice requested by ...". Every renderer.
KIND_WORDS: dict[str, str] = {"diffusion": "diffusion", "red_notice": "red notice"}

#: What would become of the data, after "Likely ..." in the outcome's summary (the engine's
#: own sentence, part of the JSON) and in the likelihoods every report lists. Like every
#: word of an outcome, declared with it in data/rules/outcomes.yaml.
OUTCOME_LIKELY_WORDS: dict[str, str] = words_in("likely")
#: What became of the data, in one word or three (the case-law comparison table).
OUTCOME_RESULTS: dict[str, str] = words_in("result")

#: A human-rights concern (``person.human_rights_concerns``) inside the Article 2 reason
#: "The facts point to ... if the person is returned".
HUMAN_RIGHTS_CONCERN_WORDS: dict[str, str] = {
    "torture_or_ill_treatment_risk": "a risk of torture or ill-treatment",
    "death_penalty": "exposure to the death penalty",
    "detention_conditions": "detention conditions that raise human-rights concerns",
}
