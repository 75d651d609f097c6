"""Read the forms of a rendered page and what a browser would submit for each.

A browser sends a form's "successful controls": enabled, named inputs; checkboxes and radios
only when checked (value "on" if none is given); each selected option of a select (the first
option when a single select has none selected); a textarea's text without its first newline;
and the one submit button that was pressed.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

_NOT_SENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class ParsedForm:
    method: str
    action: str
    data: list[tuple[str, str]] = field(default_factory=list)
    # Every submit button in order, (name, value); an unnamed one sends nothing.
    submitters: list[tuple[str | None, str]] = field(default_factory=list)
    has_file: bool = False

    def submission(self) -> dict[str, list[str]]:
        """The fields as the first submit button would send them (Enter in the form)."""
        sent: dict[str, list[str]] = {}
        pressed = [button for button in self.submitters[:1] if button[0]]
        for name, value in self.data + pressed:
            sent.setdefault(name, []).append(value)
        return sent


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[ParsedForm] = []
        self._form: ParsedForm | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = ParsedForm(method=(a.get("method") or "get").lower(),
                                    action=a.get("action") or "")
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        disabled = "disabled" in a
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            name = a.get("name")
            if kind == "file":
                self._form.has_file = True
            if kind == "submit" and not disabled:
                self._form.submitters.append((name, a.get("value", "")))
            if not name or disabled or kind == "submit":
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.data.append((name, a.get("value", "on")))
            elif kind not in _NOT_SENT:
                self._form.data.append((name, a.get("value", "")))
        elif tag == "button":
            if (a.get("type") or "submit").lower() == "submit" and not disabled:
                self._form.submitters.append((a.get("name"), a.get("value", "")))
        elif tag == "select":
            self._select = {"name": a.get("name"), "multiple": "multiple" in a,
                            "disabled": disabled, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "selected": "selected" in a,
                            "disabled": disabled, "text": ""}
            self._select["options"].append(self._option)
        elif tag == "textarea":
            self._textarea = {"name": a.get("name"), "disabled": disabled, "text": ""}

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            self._close_select()
        elif tag == "textarea" and self._textarea is not None:
            area, self._textarea = self._textarea, None
            if area["name"] and not area["disabled"] and self._form is not None:
                text = area["text"]
                if text.startswith("\r\n"):
                    text = text[2:]
                elif text.startswith("\n"):
                    text = text[1:]
                self._form.data.append((area["name"], text.replace("\r\n", "\n")))

    def _close_select(self):
        select, self._select, self._option = self._select, None, None
        if not select["name"] or select["disabled"] or self._form is None:
            return
        chosen = [o for o in select["options"] if o["selected"]]
        if not chosen and not select["multiple"]:
            chosen = [o for o in select["options"] if not o["disabled"]][:1]
        for option in chosen:
            value = option["value"] if option["value"] is not None else option["text"].strip()
            self._form.data.append((select["name"], value))


def parse_forms(html: str) -> list[ParsedForm]:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.forms
