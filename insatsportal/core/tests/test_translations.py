from insatsportal.core.management.commands.check_translations import catalogues, untranslated


def test_every_catalogue_is_fully_translated_to_swedish():
    found = catalogues()
    assert len(found) >= 9
    assert {str(path): untranslated(path) for path in found if untranslated(path)} == {}


def test_no_message_means_two_things():
    """Django merges every app's catalogue into one: the same English text must not get two
    Swedish translations, or one app silently gets the other's word (use pgettext)."""
    from collections import defaultdict

    from babel.messages.pofile import read_po

    translations = defaultdict(set)
    for path in catalogues():
        with path.open("rb") as po_file:
            for message in read_po(po_file):
                if message.id and message.string:
                    translations[(message.context, str(message.id))].add(str(message.string))
    clashes = {key: sorted(values) for key, values in translations.items() if len(values) > 1}
    assert clashes == {}
