from insatsportal.applications.views.budget import (
    budget_download,
    budget_edit,
    budget_totals,
    budget_upload,
)
from insatsportal.applications.views.edit import application_edit, application_new, form_row
from insatsportal.applications.views.pages import (
    application_detail,
    application_list,
    application_pdf,
    application_print,
    version_diff,
)

__all__ = [
    "application_detail", "application_edit", "application_list", "application_new",
    "application_pdf", "application_print", "budget_download", "budget_edit",
    "budget_totals", "budget_upload", "form_row", "version_diff",
]
