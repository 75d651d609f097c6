from insatsportal.core.management.commands.check_translations import catalogues, untranslated


def test_every_catalogue_is_fully_translated_to_swedish():
    found = catalogues()
    assert len(found) >= 9
    assert {str(path): untranslated(path) for path in found if untranslated(path)} == {}
