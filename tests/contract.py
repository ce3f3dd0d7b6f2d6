"""The top-level keys that ``assess --format json`` must print (docs/SCENARIO_FORMAT.md)."""

CONTRACT_KEYS = {
    "format",
    "scenario_id",
    "as_of",
    "issuance",
    "circulation",
    "enforcement",
    "travel",
    "grounds",
    "route",
    "outcome",
    "trace",
    "citations",
    "caveats",
}
