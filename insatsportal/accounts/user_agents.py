"""A browser's User-Agent header as a person would say it: "Firefox på Windows".

Deliberately small: the common browsers and systems, tested in order (Edge and Opera
announce themselves as Chrome too, Chrome as Safari). Anything else is "Okänd webbläsare".
"""

import re

from django.utils.translation import gettext as _

BROWSERS = [
    (r"\bEdg(?:e|A|iOS)?/", "Edge"),
    (r"\bOPR/|\bOpera\b", "Opera"),
    (r"\bFirefox/|\bFxiOS/", "Firefox"),
    (r"\bSamsungBrowser/", "Samsung Internet"),
    (r"\bChrom(?:e|ium)/|\bCriOS/", "Chrome"),
    (r"\bSafari/", "Safari"),
]
SYSTEMS = [
    (r"\b(?:iPhone|iPad|iPod)\b", "iOS"),
    (r"\bAndroid\b", "Android"),
    (r"\bWindows\b", "Windows"),
    (r"\bCrOS\b", "ChromeOS"),
    (r"\bMac OS X\b|\bMacintosh\b", "macOS"),
    (r"\bLinux\b", "Linux"),
]


def _first(patterns, text):
    return next((name for pattern, name in patterns if re.search(pattern, text)), None)


def browser_label(user_agent: str) -> str:
    browser, system = _first(BROWSERS, user_agent or ""), _first(SYSTEMS, user_agent or "")
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")
