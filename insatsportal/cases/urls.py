from django.urls import path

from insatsportal.cases.views import cases, journey, meeting_documents, meetings

app_name = "cases"
urlpatterns = [
    path("", cases.case_list, name="list"),
    path("<int:pk>/", cases.case_detail, name="detail"),
    # The journey of an application from submission: the case's steps, by application.
    path("ansokan/<int:pk>/skicka-in/", journey.application_submit, name="application_submit"),
    path("ansokan/<int:pk>/komplettering/", journey.application_return,
         name="application_return"),
    path("ansokan/<int:pk>/beredning/", journey.application_start_preparation,
         name="application_prepare"),
    path("<int:pk>/bered/", cases.case_start_preparation, name="start_preparation"),
    path("<int:pk>/handlaggare/", cases.case_assign, name="assign"),
    path("<int:pk>/anteckning/", cases.checklist_note, name="checklist_note"),
    path("<int:pk>/rekommendation/", cases.recommendation, name="recommendation"),
    path("<int:pk>/forslag/utkast/", cases.proposal_draft, name="proposal_draft"),
    path("<int:pk>/forslag/", cases.proposal_edit, name="proposal_edit"),
    path("<int:pk>/forslag.<str:fmt>", cases.proposal_download, name="proposal_download"),
    path("<int:pk>/beslut/", cases.decision_record, name="decision"),
    path("moten/", meetings.meeting_list, name="meetings"),
    path("moten/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("moten/<int:pk>/arende/", meetings.agenda_add, name="agenda_add"),
    path("moten/<int:pk>/protokoll/<int:paragraph>/", meetings.paragraph_minutes,
         name="paragraph_minutes"),
    path("moten/<int:pk>/justering/", meetings.minutes_approve, name="minutes_approve"),
    path("moten/<int:pk>/uppgifter/", meetings.meeting_edit, name="meeting_edit"),
    path("moten/<int:pk>/rattelse/", meetings.agenda_correction, name="agenda_correction"),
    path("moten/<int:pk>/anslag/", meetings.minutes_post, name="minutes_post"),
    path("moten/<int:pk>/handlingar.pdf", meeting_documents.meeting_papers_pdf,
         name="meeting_papers"),
    path("moten/<int:pk>/handlingar/", meeting_documents.meeting_papers_start,
         name="meeting_papers_start"),
    path("moten/<int:pk>/protokoll.<str:fmt>", meeting_documents.meeting_minutes_download,
         name="meeting_minutes"),
]
