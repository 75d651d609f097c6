"""The sections of a participant's page, each loaded with a fixed number of queries."""


def detail_sections(participant) -> dict:
    return {}
