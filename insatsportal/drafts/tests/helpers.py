import json
import re


def page_drafts_of(page: str) -> dict:
    """The drafts a page hands its script (the JSON of drafts/page_drafts.html)."""
    found = re.search(r'<script id="page-drafts" type="application/json">(.*?)</script>', page,
                      re.S)
    return json.loads(found.group(1))
