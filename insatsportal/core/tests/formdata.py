"""The data a page's form would post as it stands: for matrix rows of large forms."""

from html.parser import HTMLParser

from django.test import Client


class _FormReader(HTMLParser):
    def __init__(self, action: str):
        super().__init__()
        self.action, self.data, self.inside, self.done = action, [], False, False
        self._select = self._textarea = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (a.get("method") or "").lower() == "post" \
                and a.get("action", "") in ("", self.action):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox"
                                              else "")))
        elif tag == "select" and a.get("name"):
            self._select, self._first = a["name"], None
            self._chosen = False
        elif tag == "option" and self._select:
            if self._first is None:
                self._first = a.get("value", "")
            if "selected" in a:
                self.data.append((self._select, a.get("value", "")))
                self._chosen = True
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select" and self._select:
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def page_form_data(client: Client, url: str) -> dict:
    """GET `url` and read the post form whose action is `url` (or empty) as a dict of lists."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    reader = _FormReader(url)
    reader.feed(response.content.decode())
    data: dict[str, list[str]] = {}
    for name, value in reader.data:
        data.setdefault(name, []).append(value)
    return data
