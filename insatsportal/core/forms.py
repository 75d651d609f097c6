"""The one way a form field is drawn: core/forms/field.html, used by `{{ field.as_field_group }}`
and `{{ form }}` in every app (settings.FORM_RENDERER).

The label, then the help text and the errors, then the input: Django wires the input's
aria-describedby to `<id>_helptext` and `<id>_error`, which the template gives those ids.
"""

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
