"""Twenty distinct documents to upload: seed 003 (a decision proposal) with its own
intervention name in each, so each is a new document (another SHA-256 and text)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from insatsportal.imports.tests.helpers import seed


def decisions(count: int = 20) -> list[SimpleUploadedFile]:
    text = seed("003").read_text("utf-8")
    return [SimpleUploadedFile(f"beslut-{n:02d}.txt", text.replace(
        "En väg in-steget vidare", f"Insats nummer {n}").encode("utf-8"))
        for n in range(1, count + 1)]
